// Package fake holds test doubles: clienttimeout is silent in packages
// named fake or fakes unless -clienttimeout.tests is set (see
// testsincluded/fake). Its twin, package fakeclient, is reported.
package fake

import "net/http"

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func CreateHTTPClient(rt func(*http.Request) (*http.Response, error)) *http.Client {
	return &http.Client{Transport: roundTripperFunc(rt)}
}

func Fetch(url string) (*http.Response, error) { return http.Get(url) }
