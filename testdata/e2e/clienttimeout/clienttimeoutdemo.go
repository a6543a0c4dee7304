// Package clienttimeoutdemo shows clienttimeout's findings against the
// real net/http: clients without a timeout beside their correct twins.
package clienttimeoutdemo

import (
	"context"
	"net/http"
	"time"
)

var badAPI = &http.Client{} // want `http\.Client literal has no Timeout`

var goodAPI = &http.Client{Timeout: 10 * time.Second}

var goodEvents = &http.Client{
	Timeout: 0, // server-sent events: bounded by the request context
}

func badGet(url string) (*http.Response, error) {
	return http.Get(url) // want `http\.Get uses http\.DefaultClient, which has no Timeout`
}

func goodGet(url string) (*http.Response, error) {
	return goodAPI.Get(url)
}

func badDefaultClient(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `http\.DefaultClient has no Timeout`
}

func goodDefaultClientWithDeadline(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func goodTimeoutLater() *http.Client {
	c := &http.Client{}
	c.Timeout = 3 * time.Second
	return c
}

// A client whose every request carries the caller's context is bounded
// by it; one that drops the context it has is reported, and says so.

type api struct{ hc *http.Client }

func newAPI() *api { return &api{hc: &http.Client{}} }

func (a *api) get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

type store struct{ hc *http.Client }

func newStore() *store {
	return &store{hc: &http.Client{}} // want `http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\)`
}

func (s *store) get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return s.hc.Do(req)
}

var _, _ = newAPI, newStore
