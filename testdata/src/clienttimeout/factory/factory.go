// Package factory: library factories that leave the timeout to the
// caller, shown by a caller in the package; the same factory with no
// such caller is reported.
package factory

import (
	"context"
	"net/http"
	"time"
)

var transport = http.DefaultTransport

// DefaultClient returns a clean client with its own transport; callers
// choose the timeout.
func DefaultClient() *http.Client {
	return &http.Client{Transport: transport}
}

func newUploader() *http.Client {
	c := DefaultClient()
	c.Timeout = 30 * time.Second
	return c
}

// Wrapper holds a client its callers bound per request.
type Wrapper struct{ HTTPClient *http.Client }

func NewWrapper() *Wrapper {
	return &Wrapper{HTTPClient: &http.Client{Transport: transport}}
}

func useWrapper() {
	w := NewWrapper()
	w.HTTPClient.Timeout = time.Minute
}

// PooledClient is bounded by its caller's context on every request.
func PooledClient() *http.Client {
	c := &http.Client{Transport: transport}
	return c
}

func ping(ctx context.Context) error {
	c := PooledClient()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com/", nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PlainClient has no caller that shows it is a building block.
func PlainClient() *http.Client {
	return &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
}

// UsedPlain's caller neither sets a Timeout nor bounds its requests.
func UsedPlain() *http.Client {
	return &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
}

func fetch() error {
	c := UsedPlain()
	resp, err := c.Get("https://example.com/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var _, _, _ = newUploader, useWrapper, ping
