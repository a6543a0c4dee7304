// Package roundtrip covers RoundTrip roots: a type that implements
// http.RoundTripper runs RoundTrip once per outgoing request, and so does
// a function converted to a func-typed round-tripper adapter.
package roundtrip

import (
	"net/http"
	"sync"
)

type badAuthTransport struct{ token string }

func (t *badAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per outgoing request in round tripper \(\*badAuthTransport\).RoundTrip; build it once and reuse it`
	req.Header.Set("Authorization", "Bearer "+t.token)
	return base.RoundTrip(req)
}

// goodAuthTransport wraps a pool built once, in its constructor.
type goodAuthTransport struct {
	token string
	base  http.RoundTripper
}

func newGoodAuthTransport(token string) *goodAuthTransport { // want newGoodAuthTransport:`buildsPool\(http.Transport, returned\)`
	return &goodAuthTransport{token: token, base: http.DefaultTransport.(*http.Transport).Clone()}
}

func (t *goodAuthTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+t.token)
	return t.base.RoundTrip(req)
}

// goodLazyTransport builds its pool once, on the first request.
type goodLazyTransport struct {
	once sync.Once
	base *http.Transport
}

func (t *goodLazyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.once.Do(func() { t.base = &http.Transport{} })
	return t.base.RoundTrip(req)
}

// badValueTransport has a value receiver: it still implements the
// interface.
type badValueTransport struct{}

func (badValueTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t := &http.Transport{} // want `http.Transport created per outgoing request in round tripper badValueTransport.RoundTrip`
	return t.RoundTrip(req)
}

// notARoundTripper has a RoundTrip method with another signature: it is
// not an http.RoundTripper, so its method is not a root.
type notARoundTripper struct{ pool *http.Transport }

func (n *notARoundTripper) RoundTrip(req *http.Request) error {
	n.pool = &http.Transport{}
	return nil
}

// roundTripperFunc is the usual func-typed adapter.
type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// plainFunc has the same underlying type, but no RoundTrip method.
type plainFunc func(*http.Request) (*http.Response, error)

var shared = &http.Transport{}

func clients() []*http.Client {
	return []*http.Client{
		{Transport: roundTripperFunc(func(req *http.Request) (*http.Response, error) {
			t := &http.Transport{} // want `http.Transport created per outgoing request in a round tripper literal`
			return t.RoundTrip(req)
		})},
		{Transport: roundTripperFunc(func(req *http.Request) (*http.Response, error) {
			return shared.RoundTrip(req)
		})},
		{Transport: roundTripperFunc(badRoundTripFunc)},
	}
}

func badRoundTripFunc(req *http.Request) (*http.Response, error) {
	return (&http.Transport{}).RoundTrip(req) // want `http.Transport created per outgoing request in round tripper badRoundTripFunc`
}

// goodPlainFunc is converted to a type without a RoundTrip method: it is
// only a value, called who knows how often.
func goodPlainFunc(req *http.Request) (*http.Response, error) { // want goodPlainFunc:`buildsPool\(http.Transport\)`
	return (&http.Transport{}).RoundTrip(req)
}

var _ = plainFunc(goodPlainFunc)
