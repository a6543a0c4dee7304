// Package bad: the twin of getteriface/good whose send builds its
// request without a context.
package bad

import "net/http"

type sender interface {
	HTTPClient() *http.Client
}

type Client struct{ httpClient *http.Client }

func New() *Client {
	return &Client{httpClient: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

func (c *Client) HTTPClient() *http.Client { return c.httpClient }

func (c *Client) Send(u string) error {
	return send(c, u)
}

func send(s sender, u string) error {
	req, err := http.NewRequest(http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
