#!/usr/bin/env bash
# Regenerates go.mod/go.sum: the fresh corpus at exact versions, plus the
# dependencies of every package and test that the patterns in entries.tsv
# match. Do not run go mod tidy here: no package of this module imports the
# corpus, so tidy would drop it.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local
# lego: only some DNS providers (its root package imports every provider, and some
# provider SDKs are not served).
L=github.com/go-acme/lego/v5/providers/dns
go get \
	github.com/go-git/go-git/v5@v5.19.3 \
	github.com/slack-go/slack@v0.35.0 \
	github.com/go-telegram-bot-api/telegram-bot-api/v5@v5.5.1 \
	github.com/go-telegram/bot@v1.19.0 \
	github.com/bwmarrin/discordgo@v0.29.0 \
	github.com/elazarl/goproxy@v1.9.3 \
	github.com/nikoksr/notify@v1.3.0 \
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp@v1.47.0 \
	github.com/prometheus/common@v0.73.1 \
	github.com/getsentry/sentry-go@v0.46.2 \
	github.com/hashicorp/go-getter@v1.8.10 \
	github.com/google/go-containerregistry@v0.22.1 \
	github.com/influxdata/influxdb-client-go/v2@v2.14.0 \
	github.com/coreos/go-oidc/v3@v3.21.0 \
	github.com/digitalocean/godo@v1.237.0 \
	github.com/opensearch-project/opensearch-go/v4@v4.8.1 \
	github.com/caddyserver/certmagic@v0.25.6 \
	github.com/aws/aws-sdk-go-v2/feature/s3/manager@v1.23.24 \
	$L/route53@v5.6.0 $L/httpreq@v5.6.0 $L/cloudflare@v5.6.0 $L/digitalocean@v5.6.0 \
	$L/hetzner@v5.6.0 $L/godaddy@v5.6.0 $L/namecheap@v5.6.0 $L/gandiv5@v5.6.0
# Resolve what the packages and their tests import, at the versions above.
grep -v '^#' entries.tsv | cut -f2 | xargs go list -e -deps -test >/dev/null
