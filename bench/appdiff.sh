#!/usr/bin/env bash
# bench/appdiff.sh: the findings that one build adds or drops against another,
# from two findings.tsv files written by bench/appcorpus.sh, with the verdict
# bench/triage-app.tsv (or TRIAGE=bench/triage.tsv for -c corpus) holds for each.
#
#   bench/appdiff.sh /tmp/poollint-bench/app/poollint-main /tmp/poollint-bench/app/reqcore
#
# Output lines: "+ entry analyzer posn verdict message" (only in the second) and
# "- ..." (only in the first); a finding whose message changed is shown as both.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
TRIAGE=${TRIAGE:-$BENCH/triage-app.tsv}
A=$1/findings.tsv B=$2/findings.tsv
# Only entries that both runs analysed (go vet exit 0) are compared.
covered() { for f in "$1"/*.canon; do e=$(basename "$f" .canon); [[ $(tail -1 "$1/$e.time" 2>/dev/null | cut -f5) == 0 ]] && echo "$e"; done | sort; }
common=$(comm -12 <(covered "$1") <(covered "$2") | tr '\n' ' ')
key() { awk -F'\t' -v c="$common" 'BEGIN { n = split(c, a, " "); for (i = 1; i <= n; i++) ok[a[i]] = 1 }
	NR > 1 && ok[$1] { print $1 "\t" $2 "\t" $3 }' "$1" | sort -u; }
verdicts=$(mktemp)
trap 'rm -f "$verdicts"' EXIT
grep -v '^#' "$TRIAGE" | awk -F'\t' '{print $1"\t"$2"\t"$3"\t"$4}' >"$verdicts"
show() { # sign file keys...
	local sign=$1 file=$2
	while IFS= read -r k; do
		v=$(grep -F -- "$k" "$verdicts" | head -1 | cut -f4 || true)
		m=$(grep -F -- "$k" "$file" | head -1 | cut -f4 || true)
		printf '%s %s\t%s\t%s\n' "$sign" "$k" "${v:-untriaged}" "$m"
	done
}
comm -13 <(key "$A") <(key "$B") | show + "$B"
comm -23 <(key "$A") <(key "$B") | show - "$A"
# same position, different message
comm -12 <(key "$A") <(key "$B") | while IFS= read -r k; do
	ma=$(grep -F -- "$k" "$A" | cut -f4 | sort | tr '\n' '|')
	mb=$(grep -F -- "$k" "$B" | cut -f4 | sort | tr '\n' '|')
	[[ "$ma" == "$mb" ]] || printf '~ %s\n    was: %s\n    now: %s\n' "$k" "$ma" "$mb"
done
