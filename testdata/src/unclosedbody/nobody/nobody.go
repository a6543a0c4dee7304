// Package nobody: responses that have no body. On a branch where the
// status is 304 Not Modified or 204 No Content, or the request was
// HEAD, net/http has set http.NoBody and already put the connection
// back in the pool: returning without Close there leaks nothing.
package nobody

import (
	"errors"
	"io"
	"net/http"
)

var errNotModified = errors.New("not modified")

func goodNotModified(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil, errNotModified
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func goodNoContentSwitch(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusNotModified:
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func goodHeadMethod(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if req.Method == http.MethodHead {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func goodHeadRequest(c *http.Client, url string) (int64, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.ContentLength, nil
}

func goodHead(c *http.Client, url string) (int64, error) {
	resp, err := c.Head(url)
	if err != nil {
		return 0, err
	}
	return resp.ContentLength, nil
}

// The twin: 200 OK has a body, and this branch returns with it open.
func badOK(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		return nil, errNotModified
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The twin: the method test is the wrong way round.
func badNotHead(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	if req.Method != http.MethodHead {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The twin: GET responses have bodies.
func badGet(c *http.Client, url string) (int64, error) {
	resp, err := c.Get(url) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.ContentLength, nil
}
