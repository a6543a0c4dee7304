// Package lib holds the callees for unclosedbody/synthetic; its facts
// are checked by bodyown's test.
package lib

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
)

// RetryAfterResponse builds a response with no body (client-go's
// retryAfterResponse).
func RetryAfterResponse() *http.Response { // want RetryAfterResponse:`^noOpenResponse$`
	return retryAfter(http.StatusInternalServerError, "1")
}

func retryAfter(code int, delay string) *http.Response { // want retryAfter:`^noOpenResponse$`
	return &http.Response{
		StatusCode: code,
		Header:     http.Header{"Retry-After": []string{delay}},
	}
}

// Canned has an in-memory body.
func Canned(s string) *http.Response { // want Canned:`^noOpenResponse$`
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(s))}
}

// Cached parses a response from cached bytes (client-go's httpcache).
func Cached(cached []byte, req *http.Request) (resp *http.Response, err error) { // want Cached:`^noOpenResponse$`
	if len(cached) == 0 {
		return
	}
	b := bytes.NewBuffer(cached)
	return http.ReadResponse(bufio.NewReader(b), req)
}

// Wrap puts a caller's body into a response: not in memory.
func Wrap(body io.ReadCloser) *http.Response {
	return &http.Response{StatusCode: http.StatusOK, Body: body}
}

// FromConn reads a response from a connection: a network body.
func FromConn(conn net.Conn, req *http.Request) (*http.Response, error) {
	return http.ReadResponse(bufio.NewReader(conn), req)
}

// Filled starts from a literal but gives it a network body.
func Filled(r *bufio.Reader) *http.Response {
	resp := &http.Response{StatusCode: http.StatusOK}
	fill(resp, r)
	return resp
}

func fill(resp *http.Response, r *bufio.Reader) {
	resp.Body = io.NopCloser(r)
}
