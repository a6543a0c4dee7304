#!/usr/bin/env bash
# Regenerates go.mod/go.sum: the second fresh corpus at exact versions, plus the
# dependencies of every package and test that the patterns in entries.tsv
# match. Do not run go mod tidy here: no package of this module imports the
# corpus, so tidy would drop it.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
go get \
	github.com/rakyll/hey@v0.1.5 \
	github.com/tsenart/vegeta/v12@v12.13.0 \
	github.com/PagerDuty/go-pagerduty@v1.8.0 \
	github.com/opsgenie/opsgenie-go-sdk-v2@v1.2.23 \
	code.gitea.io/sdk/gitea@v0.25.1 \
	github.com/hashicorp/go-tfe@v1.111.2 \
	github.com/openzipkin/zipkin-go@v0.4.3 \
	github.com/rollbar/rollbar-go@v1.4.5 \
	github.com/mailgun/mailgun-go/v4@v4.23.0 \
	github.com/gregdel/pushover@v1.3.1 \
	github.com/elastic/go-elasticsearch/v8@v8.19.7 \
	github.com/elastic/elastic-transport-go/v8@v8.11.0 \
	golang.org/x/oauth2@v0.38.0 \
	github.com/hashicorp/nomad/api@v0.0.0-20261016150620-df630b26e78a \
	github.com/cli/go-gh/v2@v2.17.0 \
	github.com/aws/aws-xray-sdk-go@v1.8.5 \
	github.com/hashicorp/go-plugin@v1.8.0 \
	github.com/go-kit/kit@v0.13.0 \
	github.com/uber/jaeger-client-go@v2.30.0+incompatible \
	github.com/honeybadger-io/honeybadger-go@v0.9.0 \
	github.com/newrelic/go-agent/v3@v3.45.0 \
	github.com/google/martian/v3@v3.3.3 \
	github.com/awslabs/aws-lambda-go-api-proxy@v0.16.2 \
	sigs.k8s.io/aws-iam-authenticator@v0.6.13 \
	github.com/atc0005/go-teams-notify/v2@v2.14.0 \
	github.com/sashabaranov/go-openai@v1.43.0 \
	github.com/ollama/ollama@v0.17.4 \
	github.com/influxdata/telegraf@v1.37.2
# Resolve what the packages and their tests import, at the versions above.
grep -v '^#' entries.tsv | cut -f2 | xargs go list -e -deps -test >/dev/null
