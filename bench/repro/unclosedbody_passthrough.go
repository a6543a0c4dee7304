//go:build repro

// unclosedbody false positive, from hashicorp/consul/api@v1.34.5
// acl.go:1108 (and 8 more sites): a helper that returns its *http.Response
// argument (or nil) is treated as a new response. The original is closed
// by the deferred call, and the "new" one is the same object.
package repro

import (
	"io"
	"net/http"
)

func closeResponseBody(resp *http.Response) error {
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}

func requireNotFoundOrOK(resp *http.Response) (bool, *http.Response, error) {
	switch resp.StatusCode {
	case 200:
		return true, resp, nil
	case 404:
		return false, resp, nil
	default:
		return false, nil, io.ErrUnexpectedEOF
	}
}

func goodPassThrough(c *http.Client, req *http.Request) (bool, error) {
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	defer closeResponseBody(resp)
	found, resp, err := requireNotFoundOrOK(resp) // reported: "response body is not closed on the path that returns here"
	if err != nil {
		return false, err
	}
	_ = resp.Header
	return found, nil
}
