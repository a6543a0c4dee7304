// Package wrapped gives a transport literal to a wrapper call that
// returns an http.RoundTripper, inside a client literal (fresh3:
// syncthing's Transport: http2EnabledTransport(&http.Transport{...})).
// The client's Timeout bounds what the wrapper sends through it.
package wrapped

import (
	"net"
	"net/http"
	"time"
)

func wrap(t *http.Transport) http.RoundTripper { // want wrap:`configuresTransport\(t: ForceAttemptHTTP2\)`
	t.ForceAttemptHTTP2 = true
	return t
}

// h2 configures and returns the transport it is given, as syncthing's
// http2EnabledTransport does.
func h2(t *http.Transport) *http.Transport { // want h2:`configuresTransport\(t: ForceAttemptHTTP2\)`
	t.ForceAttemptHTTP2 = true
	return t
}

type holder struct{ c *http.Client }

// The client has a Timeout: silent.
var good = &holder{&http.Client{
	Timeout:   30 * time.Second,
	Transport: wrap(&http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}),
}}

// No client Timeout: reported.
var bad = &holder{&http.Client{
	Transport: wrap(&http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}), // want `^http\.Transport literal drops DefaultTransport's TLS handshake timeout`
}}

// The same through a wrapper returning *http.Transport: silent.
var goodH2 = &holder{&http.Client{
	Timeout:   30 * time.Second,
	Transport: h2(&http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}),
}}

// No client Timeout: reported.
var badH2 = &holder{&http.Client{
	Transport: h2(&http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: (&net.Dialer{Timeout: time.Second}).DialContext}), // want `^http\.Transport literal drops DefaultTransport's TLS handshake timeout`
}}

var _, _, _, _ = good, bad, goodH2, badH2
