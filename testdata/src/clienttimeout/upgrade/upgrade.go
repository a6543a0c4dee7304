// Package upgrade: a client whose only requests ask for a protocol
// upgrade (Upgrade header, or Connection: Upgrade) needs no Timeout;
// the upgraded connection lives as long as the session.
package upgrade

import (
	"context"
	"net/http"
)

func goodSwitchProtocols(ctx context.Context, rt http.RoundTripper, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "SPDY/3.1")
	client := http.Client{Transport: rt}
	return client.Do(req)
}

func badPlainClient(rt http.RoundTripper, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "keep-alive")
	req.Header.Set("Accept", "application/json")
	client := http.Client{Transport: rt} // want `^http\.Client literal has no Timeout`
	return client.Do(req)
}

func goodHeaderOnly(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("upgrade", "websocket")
	return http.DefaultClient.Do(req)
}

func badHeaderOnOtherRequest(ctx context.Context, url string) (*http.Response, error) {
	up, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	up.Header.Set("Upgrade", "websocket")
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	_ = up
	return http.DefaultClient.Do(req) // want `^http\.DefaultClient has no Timeout`
}

func badHeaderThenPlainGet(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Upgrade", "websocket")
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	if _, err := c.Do(req); err != nil {
		return err
	}
	_, err = c.Get(url)
	return err
}
