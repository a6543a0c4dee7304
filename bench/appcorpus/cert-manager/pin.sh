#!/usr/bin/env bash
# Regenerates go.mod/go.sum for the cert-manager entry (see ../pin.sh).
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
go get github.com/cert-manager/cert-manager@v1.21.2
grep -v '^#' ../entries.tsv | awk -F'\t' '$3 == "cert-manager"' | cut -f2 | xargs go list -e -deps -test >/dev/null
