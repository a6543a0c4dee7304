// Package wrapperdo: a method that sends the request its caller gives
// (Do(req *http.Request), like http.Client.Do) is judged by its callers'
// requests when they are all in the package: a method of an unexported
// type reached directly or through the package's own unexported
// interface (slack-go's retryClient behind httpClient). When an exported
// type or an exported interface hands the method to other packages
// (client_golang's httpClient behind api.Client), its requests are
// unknown, and the client is reported.
package wrapperdo

import (
	"context"
	"net/http"
)

type httpClient interface {
	Do(*http.Request) (*http.Response, error)
}

type retryClient struct{ client httpClient }

func (r *retryClient) Do(req *http.Request) (*http.Response, error) {
	return r.client.Do(req)
}

type API struct{ hc httpClient }

func New(retry bool) *API {
	a := &API{hc: &http.Client{}}
	if retry {
		a.hc = &retryClient{client: a.hc}
	}
	return a
}

func post(ctx context.Context, c httpClient, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *API) Post(ctx context.Context, u string) error { return post(ctx, a.hc, u) }

// An exported wrapper: its callers are in other packages.

type Wrapper struct{ hc *http.Client }

func NewWrapper() *Wrapper {
	return &Wrapper{hc: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

func (w *Wrapper) Do(req *http.Request) (*http.Response, error) {
	return w.hc.Do(req)
}

// An unexported type handed out behind an exported interface.

type Client interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, error)
}

type apiClient struct{ client *http.Client }

func NewClient() Client {
	return &apiClient{client: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

func (c *apiClient) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	if ctx != nil {
		req = req.WithContext(ctx)
	}
	return c.client.Do(req)
}

// A Do method of an unexported type that nothing in the package calls,
// and no exported type or interface hands out (go-containerregistry's
// fetcher.Do): it sends nothing here; the other sends carry the
// caller's context.

type fetcher struct{ client *http.Client }

func makeFetcher() *fetcher { return &fetcher{client: &http.Client{}} }

func (f *fetcher) Do(req *http.Request) (*http.Response, error) { return f.client.Do(req) }

func (f *fetcher) fetch(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Fetch(ctx context.Context, u string) error { return makeFetcher().fetch(ctx, u) }
