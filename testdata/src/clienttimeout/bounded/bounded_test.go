package bounded

import (
	"net/http"
	"testing"
)

// A test that takes the client out for a mock does not make its
// requests unbounded.
func TestNotifier(t *testing.T) {
	n := &Notifier{}
	n.Initialize()
	mock(n.hc)
}

func mock(c *http.Client) {}
