// Package authsdk is a client wrapper like oras-go's auth.Client: a
// struct with an *http.Client field whose Do sends the request it is
// given, under that request's context.
package authsdk

import "net/http"

type Client struct {
	Client *http.Client
	Header http.Header
}

func (c *Client) Do(req *http.Request) (*http.Response, error) { return c.Client.Do(req) }

func (c *Client) SetUserAgent(ua string) {}
