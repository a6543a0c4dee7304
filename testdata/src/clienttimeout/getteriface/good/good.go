// Package good: the client is reached only through a getter, and the
// package sends through the getter's result at once, behind its own
// interface (go-teams-notify's MessageSender.HTTPClient().Do(req)).
// Those sends are the client's: here every one carries a context
// deadline or the caller's context, so the client needs no Timeout.
package good

import (
	"context"
	"net/http"
	"time"
)

type sender interface {
	HTTPClient() *http.Client
}

type Client struct{ httpClient *http.Client }

func New() *Client {
	return &Client{
		httpClient: &http.Client{
			// We're using a context instead of setting this directly.
		},
	}
}

func (c *Client) HTTPClient() *http.Client { return c.httpClient }

func (c *Client) Send(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return send(ctx, c, u)
}

func (c *Client) SendWithContext(ctx context.Context, u string) error {
	return send(ctx, c, u)
}

func send(ctx context.Context, s sender, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
