#!/usr/bin/env bash
# Regenerates go.mod/go.sum: the application corpus at exact versions, plus
# the dependencies of every package and test that the patterns in
# entries.tsv match. Do not run go mod tidy here: no package of this
# module imports the corpus, so tidy would drop it.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
go get \
	github.com/prometheus/alertmanager@v0.35.0 \
	github.com/nicholas-fedor/shoutrrr@v0.13.2 \
	github.com/argoproj/notifications-engine@v0.5.0 \
	github.com/awslabs/amazon-ecr-credential-helper/ecr-login@v0.12.0 \
	github.com/vmware-tanzu/velero-plugin-for-aws@v1.14.3 \
	github.com/fullstorydev/grpcurl@v1.9.4 \
	github.com/grpc-ecosystem/grpc-health-probe@v0.4.62 \
	github.com/oauth2-proxy/oauth2-proxy/v7@v7.15.6 \
	github.com/aws/rolesanywhere-credential-helper@v1.4.0 \
	github.com/reviewdog/reviewdog@v0.21.0 \
	github.com/codesenberg/bombardier@v1.2.6 \
	github.com/external-secrets/external-secrets@v0.16.2
# Resolve what the packages and their tests import, at the versions above.
grep -v '^#' entries.tsv | awk -F'\t' '$3 == ""' | cut -f2 | xargs go list -e -deps -test >/dev/null
# Entries with a third column live in their own module there (their
# dependencies conflict with the others): each has its own pin.sh.
for d in $(grep -v '^#' entries.tsv | awk -F'\t' '$3 != "" {print $3}'); do "$d/pin.sh"; done
