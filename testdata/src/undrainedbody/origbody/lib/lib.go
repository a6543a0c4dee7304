// Package lib: helpers that return a response open after checking it.
package lib

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

// Error holds the response it describes.
type Error struct {
	Response *http.Response
	Message  string
}

func (e *Error) Error() string { return e.Message }

// Check keeps the response in its error and puts the body's bytes back
// (go-github's CheckResponse): it takes the response over, but does not
// close it.
func Check(r *http.Response) error {
	if c := r.StatusCode; 200 <= c && c <= 299 {
		return nil
	}
	e := &Error{Response: r}
	data, err := io.ReadAll(r.Body)
	if err == nil {
		e.Message = string(data)
	}
	r.Body = io.NopCloser(bytes.NewBuffer(data))
	return e
}

// Fetch returns the response open on success; on error it closes the
// original body, saved before Check replaced it (go-github
// copilot.go fetchMetricsReport).
func Fetch(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	orig := resp.Body
	if err := Check(resp); err != nil {
		_ = orig.Close()
		return nil, err
	}
	return resp, nil
}

// Consumed reads the body, closes it and returns an in-memory copy.
func Consumed(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, errors.New("read")
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}
