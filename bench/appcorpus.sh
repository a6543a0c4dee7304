#!/usr/bin/env bash
# bench/appcorpus.sh: poollint on the application corpus (issue 10,
# "Measure it on real code"): services, operators, notifiers, agents and
# CLIs pinned in bench/appcorpus. Builds poollint from a worktree, runs it
# through go vet -vettool with -json and -undrainedbody.enable on every
# entry, and writes one line per finding.
#
#   bench/appcorpus.sh                         # this worktree, every entry
#   bench/appcorpus.sh -w /work/wt/reqcore     # another worktree (read only)
#   bench/appcorpus.sh -b /tmp/poollint-main   # a prebuilt binary
#   bench/appcorpus.sh alertmanager shoutrrr   # some entries (bench/appcorpus/entries.tsv)
#   bench/appcorpus.sh -c corpus -w /work/wt/X # the same over the library corpus (bench/corpus)
#   bench/appcorpus.sh -c fresh -b BIN          # the fresh corpus (bench/freshcorpus, issue 11)
#   bench/appcorpus.sh -c fresh2 -b BIN         # the second fresh corpus (bench/fresh2corpus)
#   bench/appcorpus.sh -c fresh3 -b BIN         # the third fresh corpus, applications (bench/fresh3corpus)
#
# Environment: BENCH_WORK (default /tmp/poollint-bench), TAG (the name of
# the results, default: the worktree's directory name, or the binary's).
# Results (for -c corpus: $BENCH_WORK/corpus/TAG/...): $BENCH_WORK/app/TAG/ENTRY.json (raw go vet -json output),
# ENTRY.err, and $BENCH_WORK/app/TAG/findings.tsv (entry, analyzer,
# posn relative to the module cache, message), the format of the first
# three columns of bench/triage-app.tsv.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
BIN=
CORPUS=app
while getopts w:b:c: o; do
	case $o in
	c) CORPUS=$OPTARG ;;
	w) SRC=$(cd "$OPTARG" && pwd) ;;
	b) BIN=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
WORK=${BENCH_WORK:-/tmp/poollint-bench}
case $CORPUS in
app) CDIR=$BENCH/appcorpus ;;
corpus) CDIR=$BENCH/corpus ;;
fresh) CDIR=$BENCH/freshcorpus ;;
fresh2) CDIR=$BENCH/fresh2corpus ;;
fresh3) CDIR=$BENCH/fresh3corpus ;;
*) echo "unknown corpus $CORPUS (app, corpus, fresh, fresh2 or fresh3)" >&2; exit 2 ;;
esac
export GOFLAGS=-mod=readonly GOWORK=off GOTOOLCHAIN=local
log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

if [[ -z "$BIN" ]]; then
	TAG=${TAG:-$(basename "$SRC")}
	mkdir -p "$WORK/bin"
	BIN="$WORK/bin/poollint-$TAG"
	log "building poollint from $SRC ($(git -C "$SRC" rev-parse --short HEAD))"
	(cd "$SRC" && go build -o "$BIN" ./cmd/poollint)
else
	TAG=${TAG:-$(basename "$BIN")}
fi
(cd "$BENCH" && go build -o "$WORK/bin/summarize" ./summarize)
OUT="$WORK/$CORPUS/$TAG"
mkdir -p "$OUT"

declare -A PATTERNS
ENTRIES=()
declare -A DIRS # the entry's module directory: entries.tsv's optional third column
while IFS=$'\t' read -r name pats dir; do
	[[ -z "$name" || "$name" == \#* ]] && continue
	PATTERNS[$name]=$pats
	DIRS[$name]=$CDIR/${dir:-.}
	ENTRIES+=("$name")
done <"$CDIR/entries.tsv"
if (($#)); then
	for e in "$@"; do [[ -n "${PATTERNS[$e]:-}" ]] || { echo "unknown entry $e" >&2; exit 2; }; done
	ENTRIES=("$@")
fi

for d in $(printf '%s\n' "${DIRS[@]}" | sort -u); do (cd "$d" && go mod download); done
cd "$CDIR"
MODCACHE=$(go env GOMODCACHE)
GOROOT=$(go env GOROOT)
TSV="$OUT/findings.tsv"
(($#)) || printf 'entry\tanalyzer\tposn\tmessage\n' >"$TSV"
[[ -f "$TSV" ]] || printf 'entry\tanalyzer\tposn\tmessage\n' >"$TSV"
fail=0
for e in "${ENTRIES[@]}"; do
	rc=0
	cd "${DIRS[$e]}"
	# With -json, go vet writes one JSON document per package to stdout
	# ("{}" when it has no finding) and exits 0 unless the build fails;
	# "# package" lines and build errors go to stderr.
	# shellcheck disable=SC2086
	/usr/bin/time -o "$OUT/$e.time" -f '%e\t%U\t%S\t%M\t%x' \
		go vet -vettool="$BIN" -json -undrainedbody.enable ${PATTERNS[$e]} >"$OUT/$e.out" 2>"$OUT/$e.err" || rc=$?
	grep -v '^#' "$OUT/$e.out" >"$OUT/$e.json" || true
	"$WORK/bin/summarize" -canon "$OUT/$e.json" -modcache "$MODCACHE" -goroot "$GOROOT" >"$OUT/$e.canon"
	# Drop this entry's old lines, then append the new ones.
	grep -v "^$e	" "$TSV" >"$TSV.tmp" || true
	grep -v '^ERROR' "$OUT/$e.canon" | sed "s/^/$e	/" >>"$TSV.tmp" || true
	mv "$TSV.tmp" "$TSV"
	n=$(grep -vc '^ERROR' "$OUT/$e.canon" || true)
	log "$e: exit $rc, $n findings, $(cut -f1,2,4 "$OUT/$e.time" | tail -1 | tr '\t' ' ') (wall s, user s, peak KB)"
	if ((rc != 0)); then log "FAIL $e: go vet exit $rc (see $OUT/$e.err)"; fail=1; fi
	if grep -qE '^panic|internal error|goroutine [0-9]+ \[' "$OUT/$e.err"; then log "FAIL $e: panic (see $OUT/$e.err)"; fail=1; fi
	if grep -q '^ERROR' "$OUT/$e.canon"; then log "FAIL $e: analysis errors"; grep '^ERROR' "$OUT/$e.canon" | head -3 >&2; fail=1; fi
done
log "findings: $TSV ($(($(wc -l <"$TSV") - 1)) lines)"
exit $fail
