// Package testhelper: test support code outside _test.go files (a
// testutil package's helpers, opensearch-go testutil/helpers.go) takes a
// *testing.T; like test files, it is checked only with -tests.
package testhelper

import (
	"net/http"
	"testing"
)

func WaitReady(t testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

func RequireNodes(t *testing.T, c *http.Client, url string) {
	check := func() int {
		resp, err := c.Get(url)
		if err != nil {
			return 0
		}
		return resp.StatusCode
	}
	if check() != http.StatusOK {
		t.Fatal("not ready")
	}
}

// The twin: a helper of the package's own code, no *testing.T.
func Ready(url string) bool {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}
