#!/usr/bin/env bash
# Regenerates go.mod/go.sum: the corpus at exact versions, plus the
# dependencies of every package and test that the patterns in
# entries.tsv match. Do not run go mod tidy here: no package of this
# module imports the corpus, so tidy would drop it.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
go get \
	github.com/hashicorp/go-retryablehttp@v0.7.8 \
	github.com/go-resty/resty/v2@v2.17.2 \
	github.com/hashicorp/consul/api@v1.34.5 \
	github.com/hashicorp/vault/api@v1.23.0 \
	github.com/prometheus/client_golang@v1.25.0 \
	github.com/moby/moby/client@v0.6.2 \
	github.com/minio/minio-go/v7@v7.4.1 \
	github.com/google/go-github/v92@v92.0.0 \
	github.com/aws/aws-sdk-go-v2@v1.47.6 \
	github.com/aws/aws-sdk-go-v2/service/s3@v1.114.7 \
	k8s.io/client-go@v0.37.2
# Resolve what the packages and their tests import, at the versions above.
grep -v '^#' entries.tsv | cut -f2 | xargs go list -e -deps -test >/dev/null
