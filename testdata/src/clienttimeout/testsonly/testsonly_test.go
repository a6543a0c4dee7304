package testsonly

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	c := &http.Client{} // silent: test files are skipped by default
	_, _ = c.Get("http://127.0.0.1:1")
	_, _ = http.Get("http://127.0.0.1:1")
}
