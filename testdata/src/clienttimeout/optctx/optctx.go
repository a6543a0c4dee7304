// Package optctx: a context kept in an options field whose default is
// context.Background(), replaced by an exported option with the
// caller's context (go-containerregistry's google.WithContext and
// remote.WithContext): a caller who passes no context chose the
// default. The twin has no way for the caller to give a context.
package optctx

import (
	"context"
	"net/http"
)

type Option func(*lister)

type lister struct {
	client *http.Client
	ctx    context.Context
}

// WithContext sets the context of every request List sends.
func WithContext(ctx context.Context) Option {
	return func(l *lister) { l.ctx = ctx }
}

func newLister(opts ...Option) *lister {
	l := &lister{ctx: context.Background()}
	for _, o := range opts {
		o(l)
	}
	l.client = &http.Client{Transport: http.DefaultTransport}
	return l
}

func (l *lister) list(u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(l.ctx)
	resp, err := l.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func List(u string, opts ...Option) error { return newLister(opts...).list(u) }

// The twin: the field is only ever context.Background().

type walker struct {
	client *http.Client
	ctx    context.Context
}

func newWalker() *walker {
	w := &walker{ctx: context.Background()}
	w.client = &http.Client{Transport: http.DefaultTransport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(w\.ctx may be context\.Background\(\), which has no deadline\)`
	return w
}

func (w *walker) walk(u string) error {
	req, err := http.NewRequestWithContext(w.ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Walk(u string) error { return newWalker().walk(u) }
