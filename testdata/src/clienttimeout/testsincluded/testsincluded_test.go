package testsincluded

import (
	"net/http"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	_, _ = c.Get("http://127.0.0.1:1")
	d := &http.Client{Timeout: time.Second}
	_, _ = d.Get("http://127.0.0.1:1")
}
