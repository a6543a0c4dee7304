// Package lib: callees that close every response but a success before
// returning it (minio-go's executeMethod), and look-alikes that do not.
package lib

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

// intSet is a set of status codes, as minio-go's set.IntSet.
type intSet map[int]struct{}

func newIntSet(codes ...int) intSet {
	s := intSet{}
	for _, c := range codes {
		s[c] = struct{}{}
	}
	return s
}

func (s intSet) Contains(c int) bool {
	_, ok := s[c]
	return ok
}

var successStatus = newIntSet(http.StatusOK, http.StatusAccepted, http.StatusNoContent, http.StatusPartialContent)

// Execute returns a success response open; every other body is read,
// closed and replaced by an in-memory copy for the caller's error
// message (minio-go api.go executeMethod).
func Execute(c *http.Client, req *http.Request) (*http.Response, error) { // want Execute:`^openOnSuccess$`
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	success := successStatus.Contains(resp.StatusCode)
	if success {
		return resp, nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}

// Checked does the same with a comparison, and an error.
func Checked(c *http.Client, req *http.Request) (*http.Response, error) { // want Checked:`^openOnSuccess$`
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(bytes.NewReader(b))
		return resp, errors.New(string(b))
	}
	return resp, nil
}

// Get wraps Execute: the same fact.
func Get(c *http.Client, url string) (*http.Response, error) { // want Get:`^openOnSuccess$`
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return Execute(c, req)
}

// NotAlwaysClosed returns a 404 open too: no fact.
func NotAlwaysClosed(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if successStatus.Contains(resp.StatusCode) {
		return resp, nil
	}
	if resp.StatusCode == http.StatusNotFound {
		return resp, nil
	}
	resp.Body.Close()
	return resp, errors.New("bad status")
}

// OpenOnError closes the success body and returns the others open: no
// fact (the open side is not the success side).
func OpenOnError(c *http.Client, req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	if !successStatus.Contains(resp.StatusCode) {
		return resp, nil, errors.New("bad status")
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, b, err
}

// Traced tests the status only to decide whether to log: both sides
// return the response open. No fact.
func Traced(c *http.Client, req *http.Request, trace bool) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if trace && !successStatus.Contains(resp.StatusCode) {
		println(resp.Status)
	}
	return resp, nil
}
