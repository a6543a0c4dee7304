package synthetic

import (
	"bufio"
	"bytes"
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

func badReadResponseConn(conn net.Conn, req *http.Request) int {
	resp, err := http.ReadResponse(bufio.NewReader(conn), req) // want `response body is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
