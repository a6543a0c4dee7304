// want package:"hasClientPools"

// Package poollib builds clients for other packages: poolsize exports
// their pools as facts.
package poollib

import (
	"net/http"
	"time"
)

// NewClient returns a client on http.DefaultTransport.
func NewClient() *http.Client { // want NewClient:`clientPool\(2, http.DefaultTransport\)`
	return &http.Client{Timeout: 10 * time.Second}
}

// NewPooledClient returns a client sized for 64 concurrent requests.
func NewPooledClient() *http.Client { // want NewPooledClient:`clientPool\(64, an http.Transport with MaxIdleConnsPerHost 64\)`
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

// Shared is a package-level client on http.DefaultTransport.
var Shared = NewClient() // want Shared:`clientPool\(2, http.DefaultTransport\)`

// Wrap takes a client from its caller: no fact.
func Wrap(c *http.Client) *http.Client { return c }
