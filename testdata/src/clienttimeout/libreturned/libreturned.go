// Package libreturned: a client returned by an unexported factory is
// kept where its callers put it. When every call keeps it in a field
// whose every request carries the caller's context (moby's
// defaultHTTPClient, stored in clientConfig.client by New, sending
// through doRequest(req) with requests built from ctx), it is bounded;
// when one request drops the context, it is reported.
package libreturned

import (
	"context"
	"io"
	"net/http"
	"net/url"
)

// goodDefaultHTTPClient is the Docker client's default: its requests
// (attach, logs -f, events) stream as long as they last, each under the
// caller's context.
func goodDefaultHTTPClient(u *url.URL) (*http.Client, error) {
	t := &http.Transport{}
	return &http.Client{Transport: t}, nil
}

type config struct{ client *http.Client }

type Client struct{ config }

func New(host string) (*Client, error) {
	u, err := url.Parse(host)
	if err != nil {
		return nil, err
	}
	client, err := goodDefaultHTTPClient(u)
	if err != nil {
		return nil, err
	}
	return &Client{config: config{client: client}}, nil
}

func (c *Client) buildRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, path, body)
}

func (c *Client) doRequest(req *http.Request) (*http.Response, error) {
	return c.client.Do(req)
}

// Logs hands the body on: it streams for as long as the container runs.
func (c *Client) Logs(ctx context.Context, id string) (io.ReadCloser, error) {
	req, err := c.buildRequest(ctx, http.MethodGet, "/containers/"+id+"/logs?follow=1", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.doRequest(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (c *Client) Ping(ctx context.Context) error {
	req, err := c.buildRequest(ctx, http.MethodHead, "/_ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.doRequest(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same shape where one request is built without the context.

func badDefaultHTTPClient() (*http.Client, error) {
	return &http.Client{Transport: &http.Transport{}}, nil // want `^http\.Client literal has no Timeout`
}

type badConfig struct{ client *http.Client }

type BadClient struct{ badConfig }

func NewBad() (*BadClient, error) {
	client, err := badDefaultHTTPClient()
	if err != nil {
		return nil, err
	}
	return &BadClient{badConfig{client: client}}, nil
}

func (c *BadClient) doRequest(req *http.Request) (*http.Response, error) {
	return c.client.Do(req)
}

func (c *BadClient) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, "/_ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.doRequest(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *BadClient) Version() error {
	req, err := http.NewRequest(http.MethodGet, "/version", nil)
	if err != nil {
		return err
	}
	resp, err := c.doRequest(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// An unexported factory one of whose callers keeps the client in a
// variable that escapes: unbounded as far as we can see.

func badEscapes() *http.Client {
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}

var sink []*http.Client

func keep() {
	c := badEscapes()
	sink = append(sink, c)
}

var _ = keep
