// Package bad: the twin of generic/good where one call of the generic
// send builds its request without a context.
package bad

import (
	"context"
	"net/http"
)

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

type Config struct{ HTTPClient Doer }

func DefaultConfig() Config {
	return Config{HTTPClient: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

type Client struct{ config Config }

func New() *Client { return &Client{config: DefaultConfig()} }

func send[T any](c *Client, req *http.Request) (*T, error) {
	resp, err := c.config.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return new(T), nil
}

func (c *Client) Models(ctx context.Context) (*int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example/models", nil)
	if err != nil {
		return nil, err
	}
	return send[int](c, req)
}

func (c *Client) Stream() (*string, error) {
	req, err := http.NewRequest(http.MethodGet, "https://api.example/stream", nil)
	if err != nil {
		return nil, err
	}
	return send[string](c, req)
}
