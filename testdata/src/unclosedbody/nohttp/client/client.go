// Package client is a client wrapper that returns *http.Response.
package client

import "net/http"

type Client struct{ hc *http.Client }

func (c *Client) Fetch(url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}
