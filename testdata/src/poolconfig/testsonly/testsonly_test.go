package testsonly

import (
	"net/http"
	"testing"
)

func TestTransport(t *testing.T) {
	_ = &http.Transport{} // silent: test files are skipped by default
}
