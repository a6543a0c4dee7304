// Package libtransport: a client whose transport is the caller's
// (opts.Transport) or, by default, one the package builds with a dial
// timeout, a TLS handshake timeout and ResponseHeaderTimeout (minio-go's
// DefaultTransport): a stalled server is bounded at the transport, and a
// whole-exchange Timeout would cut large downloads. The twin whose
// default transport has no ResponseHeaderTimeout is reported.
package libtransport

import (
	"net"
	"net/http"
	"time"
)

type Options struct {
	Transport http.RoundTripper
	Secure    bool
}

// DefaultTransport is a package-level function value, as in minio-go.
var DefaultTransport = func(secure bool) (*http.Transport, error) {
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ResponseHeaderTimeout: time.Minute,
		TLSHandshakeTimeout:   10 * time.Second,
	}
	return tr, nil
}

type Client struct{ httpClient *http.Client }

func New(opts *Options) (*Client, error) {
	transport := opts.Transport
	if transport == nil {
		var err error
		transport, err = DefaultTransport(opts.Secure)
		if err != nil {
			return nil, err
		}
	}
	c := new(Client)
	c.httpClient = &http.Client{Transport: transport}
	return c, nil
}

// The twin: its default transport bounds nothing.

func badTransport() *http.Transport {
	return &http.Transport{Proxy: http.ProxyFromEnvironment}
}

func NewBad(opts *Options) *Client {
	transport := opts.Transport
	if transport == nil {
		transport = badTransport()
	}
	c := new(Client)
	c.httpClient = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	return c
}

// Only the caller's transport: nothing built here shows a bound.

func NewCallers(opts *Options) *Client {
	transport := opts.Transport
	c := new(Client)
	c.httpClient = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	return c
}
