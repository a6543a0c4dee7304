// Package upstream is a library whose constructor builds a pool: callers
// in other packages learn that through facts.
package upstream

import (
	"net/http"
	"time"
)

// New builds a client with its own connection pool.
func New() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}
