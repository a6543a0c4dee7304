// Package liboptctx: a library whose Config lets the caller supply the
// *http.Client (the one built is the default for a nil field), and
// whose requests carry the caller's context when the caller gives one
// (consul's api: QueryOptions.WithContext, "ctx is an optional context
// pass through to the underlying HTTP request"). A request without a
// context is then the caller's choice. The twin that never attaches a
// context is reported.
package liboptctx

import (
	"context"
	"net/http"
)

type Config struct {
	Address    string
	Transport  *http.Transport
	HttpClient *http.Client
}

type Client struct{ config Config }

// NewHttpClient is exported: a building block for callers, and the
// default of NewClient.
func NewHttpClient(transport *http.Transport) (*http.Client, error) {
	client := &http.Client{
		Transport: transport,
	}
	return client, nil
}

func NewClient(config *Config) (*Client, error) {
	if config.HttpClient == nil {
		var err error
		config.HttpClient, err = NewHttpClient(config.Transport)
		if err != nil {
			return nil, err
		}
	}
	return &Client{config: *config}, nil
}

type QueryOptions struct{ ctx context.Context }

func (o *QueryOptions) WithContext(ctx context.Context) *QueryOptions {
	o2 := *o
	o2.ctx = ctx
	return &o2
}

type request struct {
	method, url string
	ctx         context.Context
}

func (r *request) toHTTP() (*http.Request, error) {
	req, err := http.NewRequest(r.method, r.url, nil)
	if err != nil {
		return nil, err
	}
	if r.ctx != nil {
		return req.WithContext(r.ctx), nil
	}
	return req, nil
}

func (c *Client) doRequest(r *request) (*http.Response, error) {
	req, err := r.toHTTP()
	if err != nil {
		return nil, err
	}
	return c.config.HttpClient.Do(req)
}

func (c *Client) Get(key string, q *QueryOptions) error {
	r := &request{method: http.MethodGet, url: c.config.Address + "/v1/kv/" + key}
	if q != nil {
		r.ctx = q.ctx
	}
	resp, err := c.doRequest(r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin: the same Config, but no request ever carries a context.

type BadConfig struct {
	Address    string
	HttpClient *http.Client
}

type BadClient struct{ config BadConfig }

func NewBadHttpClient() *http.Client {
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}

func NewBadClient(config *BadConfig) *BadClient {
	if config.HttpClient == nil {
		config.HttpClient = NewBadHttpClient()
	}
	return &BadClient{config: *config}
}

func (c *BadClient) Get(key string) error {
	req, err := http.NewRequest(http.MethodGet, c.config.Address+"/v1/kv/"+key, nil)
	if err != nil {
		return err
	}
	resp, err := c.config.HttpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
