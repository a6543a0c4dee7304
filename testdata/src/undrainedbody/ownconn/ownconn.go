// Package ownconn: a CONNECT reply read with http.ReadResponse from a
// connection the function dialed (goproxy https.go:842). No pool is
// involved: "the connection cannot be reused" means nothing there.
package ownconn

import (
	"bufio"
	"errors"
	"net"
	"net/http"
)

func goodConnect(addr string, req *http.Request) (net.Conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = req.Write(c)
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		_ = c.Close()
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_ = c.Close()
		return nil, errors.New(resp.Status)
	}
	return c, nil
}

// The twin: the caller's connection, read again by the caller.
func badCallersConn(c net.Conn, req *http.Request) error {
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}
