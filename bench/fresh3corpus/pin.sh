#!/usr/bin/env bash
# Regenerates go.mod/go.sum: the third fresh corpus at exact versions, plus the
# dependencies of every package and test that the patterns in entries.tsv
# match. Do not run go mod tidy here: no package of this module imports the
# corpus, so tidy would drop it.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
# keda and traefik stay pinned (go.mod) but are not analysed: see entries.tsv.
go get \
	github.com/aws/aws-lambda-go@v1.55.1 \
	github.com/open-policy-agent/opa@v1.22.4 \
	github.com/restic/restic@v0.10.0 \
	github.com/hashicorp/consul-template@v0.41.1 \
	github.com/rclone/rclone@v1.76.0 \
	github.com/prometheus/prometheus@v0.316.0 \
	github.com/caddyserver/caddy/v2@v2.11.9 \
	github.com/kedacore/keda/v2@v2.21.0 \
	github.com/aws-cloudformation/rain@v1.24.4 \
	github.com/traefik/traefik/v3@v3.7.13
# Resolve what the packages and their tests import, at the versions above.
grep -v '^#' entries.tsv | awk -F'\t' '$3 == "" {print $2}' | xargs go list -e -deps -test >/dev/null
# syncthing has a module directory of its own (entries.tsv third column): its
# lib/connections needs quic-go/logging, gone from the quic-go selected above.
(cd syncthing && go get github.com/syncthing/syncthing@v1.30.0 &&
	grep -v '^#' ../entries.tsv | awk -F'\t' '$3 == "syncthing" {print $2}' | xargs go list -e -deps -test >/dev/null)
(cd prom2json && go get github.com/prometheus/prom2json@v1.4.2 &&
	grep -v '^#' ../entries.tsv | awk -F'\t' '$3 == "prom2json" {print $2}' | xargs go list -e -deps -test >/dev/null)
