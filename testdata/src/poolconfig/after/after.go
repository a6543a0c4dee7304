// Package after holds transports configured after construction, which
// must stay silent, beside look-alikes that are reported.
package after

import (
	"net"
	"net/http"
	"time"
)

type server struct {
	transport *http.Transport
	client    *http.Client
}

func goodAssignedAfter() *http.Client {
	t := &http.Transport{}
	t.Proxy = http.ProxyFromEnvironment
	t.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	t.ForceAttemptHTTP2 = true
	t.TLSHandshakeTimeout = 10 * time.Second
	t.IdleConnTimeout = 90 * time.Second
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t, Timeout: time.Second}
}

func badAssignedAfterButNotAll() *http.Client {
	t := &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's TLS handshake timeout \(without a client Timeout a stalled TLS handshake blocks a request forever\); start from`
	t.Proxy = http.ProxyFromEnvironment
	t.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	t.ForceAttemptHTTP2 = true
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t}
}

func goodCloneTunedAfter() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t}
}

func badLiteralTunedBeforeReassign() *http.Client {
	t := &http.Transport{}
	t.Proxy = http.ProxyFromEnvironment
	t = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	return &http.Client{Transport: t, Timeout: time.Second}
}

func goodCloneAssignedWithEquals() *http.Client {
	var t *http.Transport
	t = http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t}
}

func (s *server) goodFieldPathTunedAfter() {
	s.transport = &http.Transport{}
	s.transport.Proxy = http.ProxyFromEnvironment
	s.client = &http.Client{Transport: s.transport, Timeout: time.Second}
}

func (s *server) badFieldPathNotTuned() {
	s.transport = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	s.client = &http.Client{Transport: s.transport, Timeout: time.Second}
}

func goodClosureTunes() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	func() { t.MaxIdleConnsPerHost = 10 }()
	return t
}

// A value that escapes to code we cannot see: missing settings are not
// judged, explicit ones still are.

func goodEscapesToFuncValue(configure func(*http.Transport)) *http.Transport {
	t := &http.Transport{}
	configure(t)
	return t
}

func badEscapesButExplicitlyBad(configure func(*http.Transport)) *http.Transport {
	t := &http.Transport{MaxIdleConns: 10, MaxIdleConnsPerHost: 50} // want `^http\.Transport literal lets MaxIdleConns 10 cap MaxIdleConnsPerHost 50; raise MaxIdleConns to at least 50$`
	configure(t)
	return t
}

func goodEscapesToChannel(ch chan *http.Transport) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	ch <- t
}

func goodAliased() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	u := t
	u.MaxIdleConnsPerHost = 10
	return u
}

// Copies and clones of a configured transport are not constructions.

var configured = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 100
	t.MaxIdleConns = 200
	return t
}()

func goodCloneOfConfigured() *http.Transport {
	return configured.Clone()
}

func goodCopyOfConfigured() *http.Transport {
	t := configured.Clone()
	t.ResponseHeaderTimeout = time.Second
	return t
}

// Package-level variables are configured anywhere in the package.

var shared = &http.Transport{}

func init() {
	shared.Proxy = http.ProxyFromEnvironment
	shared.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	shared.TLSHandshakeTimeout = 10 * time.Second
}

var forgotten = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy, dial timeout and TLS handshake timeout`

func useForgotten() *http.Client { return &http.Client{Transport: forgotten} }

// A zero value declared with var.

func goodZeroVarConfigured() *http.Client {
	var t http.Transport
	t.Proxy = http.ProxyFromEnvironment
	t.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	t.ForceAttemptHTTP2 = true
	t.TLSHandshakeTimeout = 10 * time.Second
	t.IdleConnTimeout = 90 * time.Second
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: &t}
}

func badZeroVar() *http.Client {
	var t http.Transport // want `^zero http\.Transport drops DefaultTransport's Proxy`
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: &t}
}

// Transport bound to an interface: fields cannot be set later.

func badBoundToInterface() http.RoundTripper {
	var rt http.RoundTripper = &http.Transport{MaxIdleConnsPerHost: 8} // want `^http\.Transport literal drops DefaultTransport's Proxy`
	return rt
}

func goodBoundToInterfaceFromClone() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 8
	var rt http.RoundTripper = t
	return rt
}
