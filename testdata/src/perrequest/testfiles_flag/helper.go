package testfiles_flag

import (
	"net/http"
	"testing"
)

// badTestHelper is reported with -perrequest.tests, like a _test.go file.
func badTestHelper(t *testing.T, urls []string) {
	for _, u := range urls {
		(&http.Client{Transport: &http.Transport{}}).Get(u) // want `http.Transport created per iteration of a loop`
	}
}
