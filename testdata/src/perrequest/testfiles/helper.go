package testfiles

import (
	"net/http"
	"testing"
)

// goodTestHelper lives in a non-test file but takes a *testing.T: it
// runs under go test (a testutil package's helper), so it is test code.
func goodTestHelper(t *testing.T, urls []string) {
	t.Helper()
	for _, u := range urls {
		(&http.Client{Transport: &http.Transport{}}).Get(u)
	}
}

// goodTBHelper takes a testing.TB.
func goodTBHelper(tb testing.TB, urls []string) {
	for _, u := range urls {
		(&http.Client{Transport: &http.Transport{}}).Get(u)
	}
}

// badNotAHelper has a parameter named t that is no test handle.
func badNotAHelper(t string, urls []string) {
	for _, u := range urls {
		(&http.Client{Transport: &http.Transport{}}).Get(u + t) // want `http.Transport created per iteration of a loop`
	}
}
