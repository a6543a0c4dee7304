// Package poolconfigdemo shows poolconfig's findings against the real
// net/http: bad transports beside their correct twins.
package poolconfigdemo

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func badLiteral() *http.Client {
	return &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: 32}, // want `http\.Transport literal drops DefaultTransport's defaults \(Proxy, dial timeout, TLS handshake timeout\) and leaves IdleConnTimeout at 0`
		Timeout:   10 * time.Second,
	}
}

func goodClone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

func badCloneTwoPerHost() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http\.Transport cloned from DefaultTransport leaves MaxIdleConnsPerHost at 2`
	t.ResponseHeaderTimeout = 5 * time.Second
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

func badCustomTLS() *http.Transport {
	return &http.Transport{ // want `sets a custom TLSClientConfig and DialContext without ForceAttemptHTTP2, which turns HTTP/2 off`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
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

func badKeepAlives(t *http.Transport) {
	t.DisableKeepAlives = true // want `DisableKeepAlives set to true makes every request open a new connection`
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
