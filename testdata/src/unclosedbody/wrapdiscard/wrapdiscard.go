// Package wrapdiscard: a call that wraps the body in a new closer
// (http.MaxBytesReader) hands it to the wrapper; if the wrapper is
// dropped, nothing closes the body.
package wrapdiscard

import (
	"io"
	"net/http"
)

func badWrapperDropped(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	_ = http.MaxBytesReader(nil, resp.Body, 1<<20)
	return resp.StatusCode, nil
}

func badWrapperStatement(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	http.MaxBytesReader(nil, resp.Body, 1<<20)
	return resp.StatusCode, nil
}

func goodWrapperClosed(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	body := http.MaxBytesReader(nil, resp.Body, 1<<20)
	defer body.Close()
	return io.ReadAll(body)
}

func goodWrapperReturned(c *http.Client, req *http.Request) (io.ReadCloser, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return http.MaxBytesReader(nil, resp.Body, 1<<20), nil
}

func goodWrapperStored(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp.Body = http.MaxBytesReader(nil, resp.Body, 1<<20)
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}
