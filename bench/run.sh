#!/usr/bin/env bash
# bench/run.sh: the poollint benchmark (issue 7). Needs Go 1.26, the Go
# module proxy and GNU time (/usr/bin/time, Debian package "time").
#
#   bench/run.sh                  # every corpus entry, ROUNDS rounds
#   bench/run.sh resty vault-api  # some entries (names from corpus/entries.tsv)
#   CORPUS=app bench/run.sh       # the application corpus (appcorpus/entries.tsv)
#
# Environment:
#   CORPUS=corpus                 corpus: bench/corpus (libraries), triaged in triage.tsv;
#                                 app: bench/appcorpus (applications), triaged in
#                                 triage-app.tsv, work directory /tmp/poollint-bench-app
#   ROUNDS=3                      timed rounds (each round runs every tool on every entry)
#   BENCH_WORK=/tmp/poollint-bench  work directory (tools, caches, raw results)
#   POOLLINT_REV=HEAD             build poollint from this commit (git archive);
#                                 unset: from the working tree
#   STANDALONE=1                  also run poollint standalone (new engine, old
#                                 -debug.checker engine, and a cached re-run)
#                                 for peak tree memory, wall time and re-run time
#   STANDALONE_ROUNDS=1           rounds of the standalone comparison
#   BODYCLOSE=1                   run bench/bodyclose.sh on the entries (comparison table)
#   CRASHCHECK=1                  then run bench/crashcheck.sh (std and the entries,
#                                 three runs, every analyzer on): its first run's
#                                 findings are the table's findings and precision
#
# What it does, per entry, per round, in a rotating order (A/B/C, B/C/A, C/A/B):
#   govet     go vet PATTERNS                          (go vet's default suite)
#   floor     go vet -vettool=floor PATTERNS           (only x/tools' httpresponse)
#   poollint  go vet -vettool=poollint PATTERNS        (the full default suite)
# each under /usr/bin/time: wall, user+sys CPU, and peak RSS. go vet runs
# one tool process per package (and per dependency, for facts) and
# compiles nothing here; /usr/bin/time reports the largest maximum
# resident set of any single process in the tree (the go command or one
# vet-tool process), never a sum.
#
# Defeating go vet's cache: go vet caches each package's result under the
# tool's ID and flags, and go's own vet has a fixed ID (its version), so
# a changed binary cannot force it to re-run. Instead every timed run gets
# a fresh GOCACHE: a hard-linked copy (cp -al, not timed) of a base cache
# that was warmed by vetting the same packages with a throwaway tool ID
# (the floor binary plus trailing bytes). The base cache holds every
# compiled export file go vet needs and no result of the three timed
# tools, so each timed run re-runs its tool on every package and
# dependency and compiles nothing: the three sides pay exactly the same
# go-command overhead, and the ratio compares the analysis itself.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
case ${CORPUS:=corpus} in
corpus) CDIR=$BENCH/corpus TRIAGE=$BENCH/triage.tsv WORK=${BENCH_WORK:-/tmp/poollint-bench} ;;
app) CDIR=$BENCH/appcorpus TRIAGE=$BENCH/triage-app.tsv WORK=${BENCH_WORK:-/tmp/poollint-bench-app} ;;
*) echo "unknown CORPUS=$CORPUS (corpus or app)" >&2; exit 2 ;;
esac
export BENCH_CORPUS=$CDIR
ROUNDS=${ROUNDS:-3}
STANDALONE=${STANDALONE:-1}
START=$(date +%s)
export GOFLAGS=-mod=readonly GOWORK=off GOTOOLCHAIN=local
mkdir -p "$WORK/bin" "$WORK/out"
OUT="$WORK/out"
log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

# --- entries -----------------------------------------------------------
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

# --- tools -------------------------------------------------------------
SRC=$ROOT
if [[ -n "${POOLLINT_REV:-}" ]]; then
	SRC="$WORK/src"
	rm -rf "$SRC" && mkdir -p "$SRC"
	git -C "$ROOT" archive "$POOLLINT_REV" | tar -x -C "$SRC"
	REV=$(git -C "$ROOT" rev-parse "$POOLLINT_REV")
else
	REV="$(git -C "$ROOT" rev-parse HEAD) + working tree"
fi
log "building poollint from $REV"
(cd "$SRC" && go build -o "$WORK/bin/poollint" ./cmd/poollint)
(cd "$BENCH" && go build -o "$WORK/bin/floor" ./floor && go build -o "$WORK/bin/summarize" ./summarize && go build -o "$WORK/bin/treerss" ./treerss)
# The warm-up tool: the floor with another ID (its ID hashes the file).
cp "$WORK/bin/floor" "$WORK/bin/warm" && printf warm >>"$WORK/bin/warm"
"$WORK/bin/poollint" -V=full >"$OUT/versions.txt"
{ go version; echo "poollint $REV"; nproc; } >>"$OUT/versions.txt"

# --- corpus and the base cache ------------------------------------------
cd "$CDIR"
log "downloading the corpus ($CDIR)"
for d in $(printf '%s\n' "${DIRS[@]}" | sort -u); do (cd "$d" && go mod download); done
BASE="$WORK/cache-base"
for e in "${ENTRIES[@]}"; do
	log "warming $e"
	cd "${DIRS[$e]}"
	# shellcheck disable=SC2086
	GOCACHE=$BASE go vet -vettool="$WORK/bin/warm" ${PATTERNS[$e]} >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	GOCACHE=$BASE go list -e -export -deps -test ${PATTERNS[$e]} >/dev/null 2>&1 || true
done

# --- timed runs ----------------------------------------------------------
TOOLS=(govet floor poollint)
TIMINGS="$OUT/timings.tsv"
[[ -f "$TIMINGS" ]] || printf 'round\tentry\ttool\twall_s\tuser_s\tsys_s\tmaxrss_kb\texit\n' >"$TIMINGS"
timed() { # round entry tool
	local r=$1 e=$2 t=$3 args=()
	cd "${DIRS[$e]}"
	case $t in
	floor) args=(-vettool="$WORK/bin/floor") ;;
	poollint) args=(-vettool="$WORK/bin/poollint") ;;
	esac
	local run="$WORK/cache-run"
	rm -rf "$run" && cp -al "$BASE" "$run"
	local tf="$OUT/time.tmp" rc=0
	# shellcheck disable=SC2086
	GOCACHE=$run /usr/bin/time -o "$tf" -f '%e\t%U\t%S\t%M\t%x' go vet "${args[@]}" ${PATTERNS[$e]} \
		>"$OUT/vet-$e-$t.out" 2>&1 || rc=$?
	# go vet exits 1 on findings; anything else is a failed run.
	if ((rc > 1)) || grep -qE '^panic:|internal error' "$OUT/vet-$e-$t.out"; then
		log "FAILED: go vet $t $e (exit $rc), see $OUT/vet-$e-$t.out"
	fi
	printf '%s\t%s\t%s\t%s\n' "$r" "$e" "$t" "$(tail -1 "$tf")" >>"$TIMINGS"
	log "round $r $e $t: $(tail -1 "$tf" | cut -f1,2,3,4 | tr '\t' ' ') (wall user sys KB)"
	rm -rf "$run"
}
for ((r = 1; r <= ROUNDS; r++)); do
	for e in "${ENTRIES[@]}"; do
		for ((i = 0; i < 3; i++)); do
			timed "$r" "$e" "${TOOLS[$(((r + i) % 3))]}"
		done
	done
done

# --- standalone ----------------------------------------------------------
# Standalone poollint (which runs go vet -vettool=itself) against the
# old engine (x/tools' checker in one process, -debug.checker), paired
# per entry in alternating order, each from a fresh copy of the base
# cache (export data, no result of poollint). Measured with treerss:
# peak RSS of the whole process tree (go, the vet tool processes),
# wall and CPU. Then "rerun": the same standalone command again on the
# unchanged code and the cache the first run filled (go vet serves
# every package's result from its cache).
if [[ "$STANDALONE" == 1 ]]; then
	SA="$OUT/standalone.tsv"
	[[ -f "$SA" ]] || printf 'round\tentry\ttool\twall_s\tuser_s\tsys_s\tmaxrss_kb\texit\n' >"$SA"
	mkdir -p "$OUT/standalone"
	sa() { # round entry tool cache [flags]
		local r=$1 e=$2 t=$3 cache=$4
		shift 4
		cd "${DIRS[$e]}"
		# shellcheck disable=SC2086
		GOCACHE=$cache "$WORK/bin/treerss" -o "$OUT/time.tmp" \
			"$WORK/bin/poollint" "$@" -json ${PATTERNS[$e]} >"$OUT/standalone/$e-$t.json" 2>"$OUT/standalone/$e-$t.err" || true
		printf '%s\t%s\t%s\t%s\n' "$r" "$e" "$t" "$(tail -1 "$OUT/time.tmp")" >>"$SA"
		if grep -qE '^panic:|internal error' "$OUT/standalone/$e-$t.err"; then log "FAILED: standalone $t $e panicked, see $OUT/standalone/$e-$t.err"; fi
		log "standalone round $r $e $t: $(tail -1 "$OUT/time.tmp" | tr '\t' ' ') (wall user sys KB exit)"
	}
	for ((r = 1; r <= ${STANDALONE_ROUNDS:-1}; r++)); do
		for e in "${ENTRIES[@]}"; do
			local_order=(standalone checker)
			(((r + ${#e}) % 2)) && local_order=(checker standalone)
			for t in "${local_order[@]}"; do
				run="$WORK/cache-run"
				rm -rf "$run" && cp -al "$BASE" "$run"
				if [[ $t == checker ]]; then
					sa "$r" "$e" checker "$run" -debug.checker
				else
					sa "$r" "$e" standalone "$run"
					sa "$r" "$e" rerun "$run"
				fi
				rm -rf "$run"
			done
		done
	done
fi

# --- crash check and findings ------------------------------------------------
if [[ "${CRASHCHECK:-1}" == 1 ]]; then
	CC=(std "${ENTRIES[@]}")
	(($#)) && CC=("${ENTRIES[@]}")
	BENCH_WORK=$WORK POOLLINT="$WORK/bin/poollint" GOCACHE=$BASE "$BENCH/crashcheck.sh" "${CC[@]}" ||
		log "crashcheck FAILED (see above); the table is still written"
fi

# --- bodyclose, for the body-check comparison --------------------------------
if [[ "${BODYCLOSE:-1}" == 1 ]]; then
	BENCH_WORK=$WORK GOCACHE=$BASE "$BENCH/bodyclose.sh" "${ENTRIES[@]}" || log "bodyclose.sh failed"
fi

# --- table -----------------------------------------------------------------
cd "$BENCH"
"$WORK/bin/summarize" -out "$OUT" -triage "$TRIAGE" -entries "$CDIR/entries.tsv" \
	-modcache "$(go env GOMODCACHE)" -goroot "$(go env GOROOT)" | tee "$OUT/table.md"
log "bench/run.sh took $(( ($(date +%s) - START) / 60 )) min; raw results in $OUT"
