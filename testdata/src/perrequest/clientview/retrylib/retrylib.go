// Package retrylib mimics go-retryablehttp: a retrying client that owns
// a pool and hands out an *http.Client view of itself.
package retrylib

import (
	"net/http"
	"time"
)

type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewClient() *Client {
	return &Client{HTTPClient: &http.Client{Transport: &http.Transport{IdleConnTimeout: 90 * time.Second}}, RetryMax: 4}
}

// RoundTripper sends through the retrying client.
type RoundTripper struct{ Client *Client }

func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	return rt.Client.HTTPClient.Do(req)
}

// StandardClient returns an *http.Client that retries through c.
func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &RoundTripper{Client: c}}
}
