// Package fake is reported when -clienttimeout.tests is set.
package fake

import "net/http"

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func CreateHTTPClient(rt func(*http.Request) (*http.Response, error)) *http.Client {
	return &http.Client{Transport: roundTripperFunc(rt)} // want `^http\.Client literal has no Timeout`
}
