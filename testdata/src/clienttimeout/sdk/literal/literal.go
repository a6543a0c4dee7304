// Package literal: a client held by another package's struct literal
// whose Do takes the request (opa's OCI downloader:
// &auth.Client{Client: &http.Client{Transport: ...}}) is judged by the
// calls of that Do in the package: here each request carries the
// caller's context.
package literal

import (
	"context"
	"net/http"

	"clienttimeout/sdk/authsdk"
)

type target struct {
	client *authsdk.Client
	url    string
}

func newTarget(rt http.RoundTripper, url string) *target {
	return &target{
		client: &authsdk.Client{
			Client: &http.Client{Transport: rt},
		},
		url: url,
	}
}

// A client kept in a variable first.
func newTargetVar(rt http.RoundTripper, url string) *target {
	hc := &http.Client{Transport: rt}
	ac := &authsdk.Client{Client: hc}
	ac.SetUserAgent("app")
	return &target{client: ac, url: url}
}

func (t *target) Resolve(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, t.url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

var _, _ = newTarget, newTargetVar
