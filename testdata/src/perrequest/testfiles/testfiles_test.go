package testfiles

import (
	"net/http"
	"testing"
)

// Test code builds pools per case on purpose: silent by default.
func TestFetch(t *testing.T) {
	for _, u := range []string{"a", "b"} {
		(&http.Client{Transport: &http.Transport{}}).Get(u)
	}
}
