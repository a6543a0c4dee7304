// Package helperlib sets timeouts for its callers.
package helperlib

import (
	"net/http"
	"time"
)

// WithTimeout sets the client's Timeout.
func WithTimeout(c *http.Client, d time.Duration) { // want WithTimeout:`setsTimeout\(c\)`
	c.Timeout = d
}

// Standard applies the house settings through WithTimeout.
func Standard(c *http.Client) { // want Standard:`setsTimeout\(c\)`
	WithTimeout(c, 10*time.Second)
	c.CheckRedirect = nil
}

// Name only reads: no fact.
func Name(c *http.Client) string {
	if c.Timeout == 0 {
		return "unbounded"
	}
	return "bounded"
}
