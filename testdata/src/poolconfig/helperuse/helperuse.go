// Package helperuse configures transports through helpers in another
// package, learned from facts.
package helperuse

import (
	"net"
	"net/http"
	"time"

	"poolconfig/helperlib"
)

func goodTunedByHelper() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	helperlib.Tune(t, 32)
	return t
}

func goodTunedByHelperAfterCap() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 200
	helperlib.Tune(t, 200) // raises MaxIdleConns too
	return t
}

func badOnlyDescribed() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 200 // want `^http\.Transport cloned from DefaultTransport lets MaxIdleConns 100 \(inherited from DefaultTransport\) cap MaxIdleConnsPerHost 200`
	_ = helperlib.Describe(t)
	return t
}

func goodLiteralHardenedAndTuned() *http.Transport {
	t := &http.Transport{}
	helperlib.Harden(t)
	helperlib.Tune(t, 16)
	return t
}

func badLiteralTunedNotHardened() *http.Transport {
	t := &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy, dial timeout and TLS handshake timeout`
	helperlib.Tune(t, 16)
	return t
}

func goodLiteralPassedDirectly() {
	var t http.Transport
	helperlib.Harden(&t)
	helperlib.Tune(&t, 8)
	_ = &http.Client{Transport: &t}
}

func badLiteralPassedDirectly() {
	helperlib.Tune(&http.Transport{}, 8) // want `^http\.Transport literal drops DefaultTransport's Proxy`
}

// A local helper that forwards to a library helper gets its own fact.
func configure(t *http.Transport) { // want configure:`configuresTransport\(t: DialContext, ForceAttemptHTTP2, IdleConnTimeout, MaxIdleConns, MaxIdleConnsPerHost, Proxy, TLSHandshakeTimeout\)`
	helperlib.Harden(t)
	helperlib.Tune(t, 64)
}

func goodLocalHelper() *http.Transport {
	t := &http.Transport{}
	configure(t)
	return t
}

// A transport handed to a setter that configures it (corpus: martian's
// cmd/proxy main and its h2 test fixture).
func goodForwarder() {
	f := &helperlib.Forwarder{}
	t := &http.Transport{TLSHandshakeTimeout: 10 * time.Second}
	f.SetRoundTripper(t)
}

func badWrapped() {
	f := &helperlib.Forwarder{}
	t := &http.Transport{TLSHandshakeTimeout: 10 * time.Second} // want `^http\.Transport literal drops DefaultTransport's Proxy and dial timeout`
	f.Wrap(t)
}

func goodConfigured() {
	t := &http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}
	helperlib.Configure(t)
}
