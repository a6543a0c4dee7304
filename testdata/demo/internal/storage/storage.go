// Package storage is a client for an object store behind HTTPS.
package storage

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Client talks to the object store. It is safe for concurrent use and
// meant to be built once.
type Client struct {
	base string
	http *http.Client
}

// NewClient builds a Client with its own connection pool, tuned for
// many concurrent uploads to one host.
func NewClient(base string) *Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 64
	return &Client{base: base, http: &http.Client{Transport: t, Timeout: 30 * time.Second}}
}

// Put stores body under key.
func (c *Client) Put(ctx context.Context, key string, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.base+"/"+key, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("storage: put %s: %s", key, resp.Status)
	}
	return nil
}
