// Package http2 is run with -http2: a custom TLS config or dialer
// without ForceAttemptHTTP2, each with a silent look-alike.
package http2

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// HTTP/2.

func badCustomTLSNoHTTP2() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal sets a custom TLSClientConfig and DialContext without ForceAttemptHTTP2, which turns HTTP/2 off; set ForceAttemptHTTP2: true$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodCustomTLSWithHTTP2() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodHTTP2DeliberatelyOff() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSNextProto:        map[string]func(string, *tls.Conn) http.RoundTripper{}, // documented way to disable HTTP/2
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodCloneWithCustomTLS() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // inherits ForceAttemptHTTP2
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS13}
	t.MaxIdleConnsPerHost = 32
	return t
}

func goodUnixSocketNoHTTP2() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", "/run/agent.sock")
		},
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}, // HTTP/2 does not apply to a unix socket
	}
}
