// Package helperlib configures transports for its callers. Its
// functions carry configuresTransport facts.
package helperlib

import (
	"net"
	"net/http"
	"time"
)

// Tune sizes the pool.
func Tune(t *http.Transport, perHost int) { // want Tune:`configuresTransport\(t: MaxIdleConns, MaxIdleConnsPerHost\)`
	t.MaxIdleConns = perHost * 4
	t.MaxIdleConnsPerHost = perHost
}

// Harden restores what a literal drops, through another helper.
func Harden(t *http.Transport) { // want Harden:`configuresTransport\(t: DialContext, ForceAttemptHTTP2, IdleConnTimeout, Proxy, TLSHandshakeTimeout\)`
	t.Proxy = http.ProxyFromEnvironment
	timeouts(t)
}

func timeouts(tr *http.Transport) { // want timeouts:`configuresTransport\(tr: DialContext, ForceAttemptHTTP2, IdleConnTimeout, TLSHandshakeTimeout\)`
	tr.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	tr.ForceAttemptHTTP2 = true
	tr.TLSHandshakeTimeout = 10 * time.Second
	tr.IdleConnTimeout = time.Minute
}

// Describe only reads: no fact.
func Describe(t *http.Transport) string {
	if t.MaxIdleConnsPerHost == 0 {
		return "default"
	}
	return "sized"
}

// Forwarder is a proxy that owns its upstream round tripper (corpus:
// martian's Proxy). SetRoundTripper configures a transport it is given
// through the field it stores it in; SetDial configures the one it
// holds. Both count as setting those fields of a transport given to
// SetRoundTripper or stored in rt.
type Forwarder struct {
	rt       http.RoundTripper
	upstream func(network, addr string) (net.Conn, error)
	other    http.RoundTripper
}

func (f *Forwarder) SetRoundTripper(rt http.RoundTripper) { // want SetRoundTripper:`configuresTransport\(rt: Dial, Proxy\)`
	f.rt = rt
	if t, ok := f.rt.(*http.Transport); ok {
		t.Proxy = http.ProxyFromEnvironment
		t.Dial = f.upstream
	}
}

func (f *Forwarder) SetDial(dial func(network, addr string) (net.Conn, error)) {
	f.upstream = dial
	if t, ok := f.rt.(*http.Transport); ok {
		t.Dial = dial
	}
}

// Wrap takes a round tripper and only reads it: no fact.
func (f *Forwarder) Wrap(rt http.RoundTripper) { // no fact: other is never configured
	f.other = rt
}

// Configure asserts its parameter directly.
func Configure(rt http.RoundTripper) { // want Configure:`configuresTransport\(rt: TLSHandshakeTimeout\)`
	if t, ok := rt.(*http.Transport); ok {
		t.TLSHandshakeTimeout = 10 * time.Second
	}
}

// NewForwarder stores a bare transport in rt: SetDial and
// SetRoundTripper set its Dial and Proxy, so only the TLS handshake
// timeout is missing.
func NewForwarder() *Forwarder {
	f := &Forwarder{rt: &http.Transport{}} // want `^http\.Transport literal drops DefaultTransport's TLS handshake timeout`
	f.SetDial((&net.Dialer{Timeout: 30 * time.Second}).Dial)
	return f
}

// NewOther stores one in a field nothing configures.
func NewOther() *Forwarder {
	return &Forwarder{other: &http.Transport{TLSHandshakeTimeout: time.Second}} // want `^http\.Transport literal drops DefaultTransport's Proxy and dial timeout`
}

// Options configure a client's transport through http.Client's own
// Transport field (moby's client options): that says nothing of a bare
// transport another option builds.
type clientConfig struct{ client *http.Client }

func WithProxyFromEnv(c *clientConfig) {
	if t, ok := c.client.Transport.(*http.Transport); ok {
		t.Proxy = http.ProxyFromEnvironment
	}
}

func WithTLSFromEnv(c *clientConfig) {
	c.client = &http.Client{
		Transport: &http.Transport{TLSHandshakeTimeout: time.Second}, // want `^http\.Transport literal drops DefaultTransport's Proxy and dial timeout`
	}
}
