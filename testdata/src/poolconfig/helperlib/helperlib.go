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
