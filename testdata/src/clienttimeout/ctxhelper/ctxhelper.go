// Package ctxhelper: a context derived by a helper from the one it is
// given (retry.Never(ctx) in go-containerregistry), inside a closure
// over the caller's ctx, is bounded as its argument is; the same helper
// given context.Background() is not.
package ctxhelper

import (
	"context"
	"net/http"
)

type key struct{}

// never marks the context so that the request is not retried.
func never(ctx context.Context) context.Context { return context.WithValue(ctx, key{}, true) }

type API struct{ hc *http.Client }

func New() *API { return &API{hc: &http.Client{}} }

func (a *API) Put(ctx context.Context, u string) error {
	try := func() error {
		ctx := never(ctx)
		req, err := http.NewRequest(http.MethodPut, u, nil)
		if err != nil {
			return err
		}
		resp, err := a.hc.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return try()
}

// The twin derives from context.Background().

type BadAPI struct{ hc *http.Client }

func NewBad() *BadAPI {
	return &BadAPI{hc: &http.Client{}} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
}

func (a *BadAPI) Put(u string) error {
	base := context.Background()
	try := func() error {
		ctx := never(base)
		req, err := http.NewRequest(http.MethodPut, u, nil)
		if err != nil {
			return err
		}
		resp, err := a.hc.Do(req.WithContext(ctx))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return try()
}
