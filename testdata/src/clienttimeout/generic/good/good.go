// Package good: the request reaches the client through a generic
// function (send[T](c, req), go-openai's sendRequestStream[T]); its
// calls are instantiations, and every one passes a request built with
// the caller's context. The library default client is bounded by it.
package good

import (
	"context"
	"net/http"
)

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

type Config struct{ HTTPClient Doer }

func DefaultConfig() Config {
	return Config{HTTPClient: &http.Client{}}
}

type Client struct{ config Config }

func New() *Client { return &Client{config: DefaultConfig()} }

func (c *Client) newRequest(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
}

func send[T any](c *Client, req *http.Request) (*T, error) {
	resp, err := c.config.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return new(T), nil
}

func (c *Client) Models(ctx context.Context) (*int, error) {
	req, err := c.newRequest(ctx, "https://api.example/models")
	if err != nil {
		return nil, err
	}
	return send[int](c, req)
}

func (c *Client) Stream(ctx context.Context) (*string, error) {
	req, err := c.newRequest(ctx, "https://api.example/stream")
	if err != nil {
		return nil, err
	}
	return send[string](c, req)
}
