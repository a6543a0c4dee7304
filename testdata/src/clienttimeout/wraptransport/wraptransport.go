// Package wraptransport: a client whose transport is the package's own
// round tripper wrapping a bounded http.Transport (rclone's fshttp:
// NewClient's transport is &Transport{Transport: t}, t set with
// TLSHandshakeTimeout, ResponseHeaderTimeout and a dialer, built by a
// function called through another) is bounded at the transport.
package wraptransport

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Transport wraps an http.Transport, adding headers.
type Transport struct {
	*http.Transport
	userAgent string
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", t.userAgent)
	return t.Transport.RoundTrip(req)
}

func newTransport(agent string, tr *http.Transport) *Transport {
	return &Transport{Transport: tr, userAgent: agent}
}

func NewTransportCustom(ctx context.Context, customize func(*http.Transport)) *Transport {
	t := new(http.Transport)
	t.Proxy = http.ProxyFromEnvironment
	t.TLSHandshakeTimeout = 10 * time.Second
	t.ResponseHeaderTimeout = 5 * time.Minute
	t.DialContext = (&net.Dialer{Timeout: 10 * time.Second}).DialContext
	if customize != nil {
		customize(t)
	}
	return newTransport("app/1.0", t)
}

// NewClient returns a client bounded at its transport.
func NewClient(ctx context.Context) *http.Client {
	return &http.Client{
		Transport: NewTransportCustom(ctx, nil),
	}
}

func newUnboundedTransport() *Transport {
	t := new(http.Transport)
	t.Proxy = http.ProxyFromEnvironment
	return newTransport("app/1.0", t)
}

// NewUnboundedClient wraps a transport with no timeouts.
func NewUnboundedClient() *http.Client {
	return &http.Client{ // want `^http\.Client literal has no Timeout`
		Transport: newUnboundedTransport(),
	}
}

// NewDefaultWrapped wraps http.DefaultTransport itself: no
// ResponseHeaderTimeout.
func NewDefaultWrapped() *http.Client {
	return &http.Client{ // want `^http\.Client literal has no Timeout`
		Transport: &Transport{Transport: http.DefaultTransport.(*http.Transport)},
	}
}
