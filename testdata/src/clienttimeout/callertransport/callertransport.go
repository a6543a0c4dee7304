// Package callertransport: an exported function whose client's only
// Transport is the caller's (prom2json's FetchMetricFamilies(url, ch,
// transport)) leaves the bound to the transport its caller passes,
// unless it takes a context it does not use, or its callers are all
// here (an unexported function).
package callertransport

import (
	"context"
	"io"
	"net/http"
)

// Fetch fetches url through the caller's transport.
func Fetch(url string, transport http.RoundTripper) ([]byte, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	client := http.Client{Transport: transport}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// FetchCtx has the caller's ctx but does not use it.
func FetchCtx(ctx context.Context, url string, transport http.RoundTripper) ([]byte, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	client := http.Client{Transport: transport} // want `^http\.Client literal has no Timeout.*ctx is in scope`
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func fetch(url string, transport http.RoundTripper) ([]byte, error) {
	client := http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// FetchDefault falls back to a transport with no bound.
func FetchDefault(url string, transport http.RoundTripper) ([]byte, error) {
	if transport == nil {
		transport = http.DefaultTransport
	}
	client := http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

var _ = fetch

// Backend keeps the client built from the caller's transport.
type Backend struct{ client *http.Client }

// Open keeps the client for later requests, one without a context.
func Open(rt http.RoundTripper) *Backend {
	client := &http.Client{Transport: rt} // want `^http\.Client literal has no Timeout`
	return &Backend{client: client}
}

func (b *Backend) Create(url string) error {
	resp, err := b.client.Post(url, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
