// Package poolconfigdemo shows poolconfig's findings against the real
// net/http: bad transports beside their correct twins.
package poolconfigdemo

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func badLiteral() *http.Client {
	return &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: 32}, // want `http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
		Timeout:   10 * time.Second,
	}
}

func goodClone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

func badCappedAfterClone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 5 * time.Second
	t.MaxIdleConnsPerHost = 256 // want `http\.Transport cloned from DefaultTransport lets MaxIdleConns 100 \(inherited from DefaultTransport\) cap MaxIdleConnsPerHost 256`
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

func goodUnixSocket() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", "/var/run/docker.sock")
		},
	}}
}

func badNoDialTimeouts() *http.Transport {
	return &http.Transport{ // want `drops DefaultTransport's dial timeout and TLS handshake timeout \(without a client Timeout a dead host or a stalled TLS handshake blocks a request for minutes or forever\)`
		Proxy:               http.ProxyFromEnvironment,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
	}
}

func goodMirrorsDefaults() *http.Transport {
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

var shared = http.DefaultTransport.(*http.Transport).Clone()

func init() {
	shared.DisableKeepAlives = true // want `turns keep-alives off on a transport kept for the whole program, so every request opens a new connection`
}

func goodOneShot(t *http.Transport) {
	t.DisableKeepAlives = true // a probe's transport, as far as we can tell
}

func tune(t *http.Transport) {
	t.MaxIdleConns = 400
	t.MaxIdleConnsPerHost = 200
}

func goodTunedByHelper() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	tune(t)
	return t
}
