package bodydemo

import (
	"net/http"
	"testing"
)

// A leak in a test file: reported only with -unclosedbody.tests (the
// end-to-end suite runs without it, so no want comment here).
func TestLeakInTest(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/")
	if err != nil {
		t.Skip(err)
	}
	_ = resp.StatusCode
}
