// Package fakeclient is the reported twin of package fake: only the
// package names fake and fakes mark test doubles.
package fakeclient

import "net/http"

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func CreateHTTPClient(rt func(*http.Request) (*http.Response, error)) *http.Client {
	return &http.Client{Transport: roundTripperFunc(rt)} // want `^http\.Client literal has no Timeout`
}

func Fetch(url string) (*http.Response, error) {
	return http.Get(url) // want `^http\.Get uses http\.DefaultClient`
}
