#!/usr/bin/env bash
# bench/bodyclose.sh: runs github.com/timakin/bodyclose (standalone, -json)
# on the corpus, for the comparison in README.md. It is built in
# $BENCH_WORK from the module proxy, with x/tools raised to v0.52.0
# (its own pin, v0.14.0, no longer builds with Go 1.26). Output:
# $BENCH_WORK/out/bodyclose/ENTRY.{json,time,canon}.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
WORK=${BENCH_WORK:-/tmp/poollint-bench}
VERSION=${BODYCLOSE_VERSION:-v0.0.0-20260723120731-857993a2939c}
export GOWORK=off GOTOOLCHAIN=local
OUT="$WORK/out/bodyclose"
mkdir -p "$WORK/bodyclose-build" "$OUT" "$WORK/bin"
(
	cd "$WORK/bodyclose-build"
	[[ -f go.mod ]] || GOFLAGS=-mod=mod go mod init bodyclose-build >/dev/null 2>&1
	GOFLAGS=-mod=mod go get "github.com/timakin/bodyclose@$VERSION" golang.org/x/tools@v0.52.0 >/dev/null 2>&1
	GOFLAGS=-mod=mod go build -o "$WORK/bin/bodyclose" github.com/timakin/bodyclose
)
(cd "$BENCH" && GOFLAGS=-mod=mod go build -o "$WORK/bin/summarize" ./summarize)
export GOFLAGS=-mod=readonly
cd "${BENCH_CORPUS:-$BENCH/corpus}"
while IFS=$'\t' read -r name pats dir; do
	[[ -z "$name" || "$name" == \#* ]] && continue
	(($#)) && [[ " $* " != *" $name "* ]] && continue
	# shellcheck disable=SC2086
	(cd "${dir:-.}" && /usr/bin/time -o "$OUT/$name.time" -f '%e\t%U\t%S\t%M\t%x' \
		"$WORK/bin/bodyclose" -json $pats >"$OUT/$name.json" 2>"$OUT/$name.err") || true
	"$WORK/bin/summarize" -canon "$OUT/$name.json" -modcache "$(go env GOMODCACHE)" >"$OUT/$name.canon"
	printf '%s %s findings, %s\n' "$name" "$(grep -vc ^ERROR "$OUT/$name.canon" || true)" "$(tr '\t' ' ' <"$OUT/$name.time")" >&2
done <entries.tsv
