// Package vardecl: a request declared without a value (var req
// *http.Request) and assigned later is judged by that assignment
// (slack-go's sendResponseFull).
package vardecl

import (
	"context"
	"net/http"
)

type API struct{ hc *http.Client }

func New() *API { return &API{hc: &http.Client{}} }

func build(ctx context.Context, u string) (*http.Request, func(), error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	return req, func() {}, err
}

func (a *API) Send(ctx context.Context, u string) error {
	var (
		req  *http.Request
		done func()
		err  error
	)
	if req, done, err = build(ctx, u); err != nil {
		return err
	}
	defer done()
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin assigns a request without a context.

type BadAPI struct{ hc *http.Client }

func NewBad() *BadAPI {
	return &BadAPI{hc: &http.Client{}} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\)`
}

func (a *BadAPI) Send(ctx context.Context, u string) error {
	var req *http.Request
	var err error
	if req, err = http.NewRequest(http.MethodPost, u, nil); err != nil {
		return err
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
