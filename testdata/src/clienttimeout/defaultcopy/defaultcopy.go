// Package defaultcopy: a copy of http.DefaultClient (c :=
// *http.DefaultClient) is judged as a literal would be: bounded by a
// transport that bounds a stalled server (opa's
// DefaultRoundTripperClient: a DefaultTransport clone with
// ResponseHeaderTimeout), or by requests that all carry the caller's
// context (caddy's HTTPCertPool.Provision).
package defaultcopy

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

func goodRoundTripperClient(t *tls.Config, timeout int64) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ResponseHeaderTimeout = time.Duration(timeout) * time.Second
	tr.TLSClientConfig = t

	c := *http.DefaultClient
	c.Transport = tr
	return &c
}

func badRoundTripperClient(t *tls.Config) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = t // no ResponseHeaderTimeout

	c := *http.DefaultClient // want `^http\.DefaultClient has no Timeout`
	c.Transport = tr
	return &c
}

func goodProvision(ctx context.Context, endpoints []string) ([][]byte, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	httpClient := *http.DefaultClient
	httpClient.Transport = tr
	var out [][]byte
	for _, uri := range endpoints {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
		if err != nil {
			return nil, err
		}
		res, err := httpClient.Do(req)
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func badProvision(ctx context.Context, endpoints []string) ([][]byte, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	httpClient := *http.DefaultClient // want `^http\.DefaultClient has no Timeout.*ctx is in scope`
	httpClient.Transport = tr
	var out [][]byte
	for _, uri := range endpoints {
		req, err := http.NewRequest(http.MethodGet, uri, nil)
		if err != nil {
			return nil, err
		}
		res, err := httpClient.Do(req)
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
