// Package wrapperdo: an exported method that sends the request its
// caller gives (func (w *Wrapper) Do(req *http.Request), like
// http.Client.Do) is bounded by the caller's request, as a context
// parameter is; the calls of it in the package must pass bounded
// requests.
package wrapperdo

import (
	"context"
	"net/http"
)

type Wrapper struct{ hc *http.Client }

func New() *Wrapper { return &Wrapper{hc: &http.Client{}} }

func (w *Wrapper) Do(req *http.Request) (*http.Response, error) {
	return w.hc.Do(req)
}

func (w *Wrapper) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, "https://example.com/", nil)
	if err != nil {
		return err
	}
	resp, err := w.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin: a call in the package passes a request without a context.

type BadWrapper struct{ hc *http.Client }

func NewBad() *BadWrapper {
	return &BadWrapper{hc: &http.Client{}} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\)`
}

func (w *BadWrapper) Do(req *http.Request) (*http.Response, error) {
	return w.hc.Do(req)
}

func (w *BadWrapper) Ping(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodHead, "https://example.com/", nil)
	if err != nil {
		return err
	}
	resp, err := w.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
