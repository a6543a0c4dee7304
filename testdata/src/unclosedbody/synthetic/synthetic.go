package synthetic

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"

	"unclosedbody/synthetic/lib"
)

func goodSyntheticNoBody(err error) bool {
	var resp *http.Response
	if err != nil {
		resp = lib.RetryAfterResponse()
	}
	return resp != nil && resp.Header.Get("Retry-After") != ""
}

func goodSyntheticInMemory() int {
	resp := lib.Canned("ok")
	return resp.StatusCode
}

func goodCached(cached []byte, req *http.Request) int {
	resp, err := lib.Cached(cached, req)
	if err != nil || resp == nil {
		return 0
	}
	return resp.StatusCode
}

// The definition site itself parses in-memory bytes.
func goodReadResponseInMemory(b []byte, req *http.Request) int {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(b)), req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func badWrapped(body io.ReadCloser) int {
	resp := lib.Wrap(body) // want `response body is never closed`
	return resp.StatusCode
}

func badFilled(conn net.Conn) int {
	resp := lib.Filled(bufio.NewReader(conn)) // want `response body is never closed`
	return resp.StatusCode
}

func badFromConn(conn net.Conn, req *http.Request) int {
	resp, err := lib.FromConn(conn, req) // want `response body is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// goproxy transport.go:380: a CONNECT handshake on a connection the
// function dialed. The body holds no pooled connection and nothing of
// its own; the connection is closed or handed on.
func goodReadResponseOwnConn(addr string, req *http.Request) (net.Conn, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := req.Write(conn); err != nil {
		conn.Close()
		return nil, err
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		conn.Close()
		return nil, errors.New(resp.Status)
	}
	return conn, nil
}

// The twin: the caller's connection, which it may read the next
// response from.
func badReadResponseConn(conn net.Conn, req *http.Request) int {
	resp, err := http.ReadResponse(bufio.NewReader(conn), req) // want `response body is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
