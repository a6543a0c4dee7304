// Package websocket is a minimal stub of github.com/gorilla/websocket:
// only the signatures poollint matches.
package websocket

import (
	"context"
	"net/http"
)

type Conn struct{}

func (c *Conn) Close() error { return nil }

type Dialer struct{}

var DefaultDialer = &Dialer{}

func (d *Dialer) Dial(urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return nil, nil, nil
}

func (d *Dialer) DialContext(ctx context.Context, urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return nil, nil, nil
}
