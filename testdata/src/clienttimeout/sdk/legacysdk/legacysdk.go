// Package legacysdk is an SDK whose methods come in pairs, Put and
// PutContext, like aws-sdk-go v1's X and XWithContext.
package legacysdk

import (
	"context"
	"net/http"
)

type Client struct{ hc *http.Client }

func New(hc *http.Client) *Client { return &Client{hc: hc} }

func (c *Client) Put(key string) error { return c.PutContext(context.Background(), key) }

func (c *Client) PutContext(ctx context.Context, key string) error { return nil }

func (c *Client) Region() string { return "" }
