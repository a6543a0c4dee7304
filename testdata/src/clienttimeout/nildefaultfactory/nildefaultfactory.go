// Package nildefaultfactory: an unexported factory whose every call is
// the fallback for a client the caller did not give (nomad's
// NewClient: if httpClient == nil { switch { case unix: httpClient =
// defaultUDSClient(config) } }) builds the caller's default, like
// nildefaultbuilt's literal; the factory may return the client through
// a function that configures and returns it (defaultClient(c)). The
// same factory called where the caller has no say is reported.
package nildefaultfactory

import (
	"context"
	"net"
	"net/http"
	"time"
)

type Config struct {
	Address    string
	Socket     string
	HTTPClient *http.Client
}

type Client struct{ hc *http.Client }

func NewClient(config *Config) *Client {
	httpClient := config.HTTPClient
	if httpClient == nil {
		switch {
		case config.Socket != "":
			httpClient = udsClient(config)
		default:
			httpClient = &http.Client{Transport: http.DefaultTransport}
		}
	}
	return &Client{hc: httpClient}
}

func udsClient(config *Config) *http.Client {
	httpClient := &http.Client{
		Transport: &http.Transport{
			DialContext: func(context.Context, string, string) (net.Conn, error) {
				return net.Dial("unix", config.Socket)
			},
		},
	}
	return configure(httpClient)
}

func configure(c *http.Client) *http.Client {
	if t, ok := c.Transport.(*http.Transport); ok {
		t.TLSHandshakeTimeout = 10 * time.Second
	}
	return c
}

func (c *Client) Get(u string) error {
	resp, err := c.hc.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The caller has no say: the factory always builds the client.

type Agent struct{ hc *http.Client }

func NewAgent(socket string) *Agent {
	return &Agent{hc: agentClient(socket)}
}

func agentClient(socket string) *http.Client {
	hc := &http.Client{ // want `^http\.Client literal has no Timeout`
		Transport: &http.Transport{
			DialContext: func(context.Context, string, string) (net.Conn, error) {
				return net.Dial("unix", socket)
			},
		},
	}
	return configure(hc)
}

func (a *Agent) Get(u string) error {
	resp, err := a.hc.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
