package testfiles_flag

import (
	"net/http"
	"testing"
)

// With -perrequest.tests, test files are reported too.
func TestFetch(t *testing.T) {
	for _, u := range []string{"a", "b"} {
		(&http.Client{Transport: &http.Transport{}}).Get(u) // want `http.Transport created per iteration of a loop`
	}
}

// A test runs once: a client built, used and dropped in it is silent,
// even with -perrequest.tests.
func TestOnce(t *testing.T) {
	(&http.Client{Transport: &http.Transport{}}).Get("a")
}
