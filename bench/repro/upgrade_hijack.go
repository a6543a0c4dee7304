//go:build repro

// unclosedbody and undrainedbody false positives, from
// moby/moby/client@v0.6.2 hijack.go:99 and :104: a request sent with a
// RoundTripper over a dedicated, hijacked connection. On 101 Switching
// Protocols the connection itself is handed to the caller (the response
// body is not a pooled body); on any other status the dedicated
// connection is abandoned, so draining buys nothing.
package repro

import (
	"bufio"
	"errors"
	"net"
	"net/http"
)

type hijackedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *hijackedConn) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Write(c.Conn); err != nil {
		return nil, err
	}
	return http.ReadResponse(c.r, req)
}

func goodUpgrade(conn net.Conn, req *http.Request) (net.Conn, error) {
	hc := &hijackedConn{conn, bufio.NewReader(conn)}
	var rt http.RoundTripper = hc
	resp, err := rt.RoundTrip(req) // unclosedbody: "response body is not closed on the path that returns here"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		_ = resp.Body.Close() // undrainedbody: "closed before it is read to EOF"
		return nil, errors.New("unable to upgrade")
	}
	return hc, nil
}
