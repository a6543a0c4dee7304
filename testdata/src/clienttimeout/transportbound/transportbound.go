// Package transportbound: a DefaultTransport clone (dial and TLS
// timeouts kept) with ResponseHeaderTimeout bounds a stalled server at
// the transport; a whole-request Timeout would cut its long polls.
package transportbound

import (
	"net"
	"net/http"
	"time"
)

func NewLongPollClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{Transport: t}
}

func NewUnboundedClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return &http.Client{Transport: t} // want `^http\.Client literal has no Timeout`
}

func NewLiteralBoundClient() *http.Client {
	t := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
	}
	return &http.Client{Transport: t}
}

func NewLiteralNoDialTimeout() *http.Client {
	t := &http.Transport{ResponseHeaderTimeout: 30 * time.Second}
	return &http.Client{Transport: t} // want `^http\.Client literal has no Timeout`
}
