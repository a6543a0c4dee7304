#!/usr/bin/env bash
# bench/crashcheck.sh: poollint standalone, every analyzer enabled
# (-undrainedbody.enable), over the standard library and every corpus
# entry, RUNS times each (default 3). Fails on a panic, an analysis
# error, an exit code other than 0, or findings that differ between runs.
#
#   bench/crashcheck.sh              # std and every entry
#   bench/crashcheck.sh std resty    # some of them
#
# Environment: BENCH_WORK (default /tmp/poollint-bench), RUNS=3,
# POOLLINT (a prebuilt binary; default: build from the working tree).
# Run 1's findings land in $BENCH_WORK/out/findings/ENTRY.json, which
# bench/run.sh's summary and bench/triage.tsv use.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
WORK=${BENCH_WORK:-/tmp/poollint-bench}
RUNS=${RUNS:-3}
export GOFLAGS=-mod=readonly GOWORK=off GOTOOLCHAIN=local
OUT="$WORK/out"
mkdir -p "$WORK/bin" "$OUT/findings" "$OUT/crashcheck"
log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

if [[ -z "${POOLLINT:-}" ]]; then
	(cd "$ROOT" && go build -o "$WORK/bin/poollint" ./cmd/poollint)
	POOLLINT="$WORK/bin/poollint"
fi
(cd "$BENCH" && go build -o "$WORK/bin/summarize" ./summarize)

declare -A PATTERNS=([std]=std)
ENTRIES=(std)
declare -A DIRS # the entry's module directory: entries.tsv's optional third column
while IFS=$'\t' read -r name pats dir; do
	[[ -z "$name" || "$name" == \#* ]] && continue
	PATTERNS[$name]=$pats
	DIRS[$name]=${BENCH_CORPUS:-$BENCH/corpus}/${dir:-.}
	ENTRIES+=("$name")
done <"${BENCH_CORPUS:-$BENCH/corpus}/entries.tsv"
(($#)) && ENTRIES=("$@")

cd "${BENCH_CORPUS:-$BENCH/corpus}"
for d in $(printf '%s\n' "${DIRS[@]}" | sort -u); do (cd "$d" && go mod download); done
MODCACHE=$(go env GOMODCACHE)
GOROOT=$(go env GOROOT)
fail=0
for e in "${ENTRIES[@]}"; do
	[[ $e == std ]] || cd "${DIRS[$e]}"
	for ((r = 1; r <= RUNS; r++)); do
		base="$OUT/crashcheck/$e.$r"
		rc=0
		# shellcheck disable=SC2086
		/usr/bin/time -o "$base.time" -f '%e\t%U\t%S\t%M\t%x' \
			"$POOLLINT" -json -undrainedbody.enable ${PATTERNS[$e]} >"$base.json" 2>"$base.err" || rc=$?
		"$WORK/bin/summarize" -canon "$base.json" -modcache "$MODCACHE" -goroot "$GOROOT" >"$base.canon"
		n=$(grep -vc '^ERROR' "$base.canon" || true)
		log "$e run $r: exit $rc, $n findings, $(cut -f1,4 "$base.time" | tail -1 | tr '\t' ' ') (wall s, peak KB)"
		if ((rc != 0)); then log "FAIL $e run $r: exit $rc (see $base.err)"; fail=1; fi
		if grep -qE 'panic|internal error|goroutine [0-9]+ \[' "$base.err"; then
			log "FAIL $e run $r: panic (see $base.err)"; fail=1
		fi
		if grep -q '^ERROR' "$base.canon"; then
			log "FAIL $e run $r: analysis errors:"; grep '^ERROR' "$base.canon" | head -5 >&2; fail=1
		fi
		if ((r == 1)); then
			cp "$base.json" "$OUT/findings/$e.json"
		elif ! cmp -s "$OUT/crashcheck/$e.1.canon" "$base.canon"; then
			log "FAIL $e run $r: findings differ from run 1"
			diff "$OUT/crashcheck/$e.1.canon" "$base.canon" | head -10 >&2
			fail=1
		fi
	done
done
if ((fail)); then log "crashcheck: FAILED"; exit 1; fi
log "crashcheck: ok (${ENTRIES[*]}, $RUNS runs each)"
