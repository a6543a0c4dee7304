// Package optctxshared: an exported package-level client is used
// directly by other packages (oauth2-proxy's requests.DefaultHTTPClient,
// handed to oidc.ClientContext elsewhere), so a builder context that
// defaults to context.Background() unless the caller sets it is no
// bound for it: reported.
package optctxshared

import (
	"context"
	"net/http"
)

var DefaultHTTPClient = &http.Client{Transport: http.DefaultTransport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(r\.context may be context\.Background\(\), which has no deadline\)`

type Builder struct {
	endpoint string
	context  context.Context
}

func New(endpoint string) *Builder { return &Builder{endpoint: endpoint} }

func (r *Builder) WithContext(ctx context.Context) *Builder {
	r.context = ctx
	return r
}

func (r *Builder) Do() error {
	if r.context == nil {
		r.context = context.Background()
	}
	req, err := http.NewRequestWithContext(r.context, http.MethodGet, r.endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := DefaultHTTPClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
