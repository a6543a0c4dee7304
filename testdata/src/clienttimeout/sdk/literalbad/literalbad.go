// Package literalbad: the same wrapper as package literal, sent a
// request with no context while the caller's ctx is in scope.
package literalbad

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
			Client: &http.Client{Transport: rt}, // want `^http\.Client literal has no Timeout.*ctx is in scope but not used`
		},
		url: url,
	}
}

func newTargetVar(rt http.RoundTripper, url string) *target {
	hc := &http.Client{Transport: rt} // want `^http\.Client literal has no Timeout`
	ac := &authsdk.Client{Client: hc}
	return &target{client: ac, url: url}
}

func (t *target) Resolve(ctx context.Context) (int, error) {
	req, err := http.NewRequest(http.MethodHead, t.url, nil)
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
