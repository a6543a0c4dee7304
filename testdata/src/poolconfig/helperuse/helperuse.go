// Package helperuse configures transports through helpers in another
// package, learned from facts.
package helperuse

import (
	"net/http"

	"poolconfig/helperlib"
)

func goodTunedByHelper() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	helperlib.Tune(t, 32)
	return t
}

func badOnlyDescribed() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `cloned from DefaultTransport leaves MaxIdleConnsPerHost at 2`
	_ = helperlib.Describe(t)
	return t
}

func goodLiteralHardenedAndTuned() *http.Transport {
	t := &http.Transport{}
	helperlib.Harden(t)
	helperlib.Tune(t, 16)
	return t
}

func badLiteralHardenedNotTuned() *http.Transport {
	t := &http.Transport{} // want `^http\.Transport literal leaves MaxIdleConnsPerHost at 2; set MaxIdleConnsPerHost to the expected concurrency per host$`
	helperlib.Harden(t)
	return t
}

func goodLiteralPassedDirectly() {
	var t http.Transport
	helperlib.Harden(&t)
	helperlib.Tune(&t, 8)
	_ = &http.Client{Transport: &t}
}

func badLiteralPassedDirectly() {
	helperlib.Harden(&http.Transport{}) // want `^http\.Transport literal leaves MaxIdleConnsPerHost at 2`
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
