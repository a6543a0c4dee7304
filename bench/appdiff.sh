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
key() { tail -n +2 "$1" | cut -f1-3 | sort -u; }
verdicts=$(mktemp)
trap 'rm -f "$verdicts"' EXIT
grep -v '^#' "$TRIAGE" | awk -F'\t' '{print $1"\t"$2"\t"$3"\t"$4}' >"$verdicts"
show() { # sign file keys...
	local sign=$1 file=$2
	while IFS= read -r k; do
		v=$(grep -F -- "$k" "$verdicts" | head -1 | cut -f4)
		m=$(grep -F -- "$k" "$file" | head -1 | cut -f4)
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
