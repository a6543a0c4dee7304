// Package issue76: bodyclose#76, a wrapper that reads the body to EOF,
// closes it and swaps in an in-memory NopCloser before returning the
// response. The caller's body holds no connection, so the caller has
// nothing to close: it is not reported.
//
// This reverses an earlier deliberate choice (the caller was reported
// because "the caller still owns what it gets back; closing it is
// cheap"). Issue 11's reading of real code counted that finding false:
// a maintainer would not change correct code to close a NopCloser. The
// wrapper's error returns are open-free too: r is nil (or closed) when
// the request fails, and a failed io.ReadAll means net/http has closed
// the connection.
package issue76

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

func readNoOp(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return r, err
	}
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return r, nil
}

func goodCallerIgnores(url string) error {
	r, err := readNoOp(url)
	if err != nil {
		return err
	}
	_ = r
	return nil
}

func goodCallerCloses(url string) error {
	r, err := readNoOp(url)
	if err != nil {
		return err
	}
	return r.Body.Close()
}

// swapNoRead swaps in an in-memory body without reading or closing the
// network one: the connection is lost to everyone.
func swapNoRead(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	r.Body = io.NopCloser(bytes.NewReader(nil))
	return r, nil
}

// readNoOpLeaky returns the live response when the status is bad.
func readNoOpLeaky(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	if r.StatusCode != http.StatusOK {
		return r, nil
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return r, err
	}
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return r, nil
}

// The twins: the wrapper may hand back a live body, so the caller must
// close what it gets.
func badCallerOfSwapNoRead(url string) error {
	r, err := swapNoRead(url) // want `response body is never closed`
	if err != nil {
		return err
	}
	_ = r
	return nil
}

func badCallerOfLeaky(url string) error {
	r, err := readNoOpLeaky(url) // want `response body is never closed`
	if err != nil {
		return err
	}
	_ = r
	return nil
}

// The shape openapi-generator writes in every Execute method: the body
// is read, closed and replaced before the response is returned beside
// the decoded value; the early return tests the error or a nil
// response.
func execute(c *http.Client, req *http.Request) (string, *http.Response, error) {
	resp, err := c.Do(req)
	if err != nil || resp == nil {
		return "", resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewBuffer(body))
	if err != nil {
		return "", resp, err
	}
	return string(body), resp, nil
}

func goodGeneratedClient(c *http.Client, req *http.Request) (string, error) {
	v, resp, err := execute(c, req)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(resp.Status)
	}
	return v, nil
}

// executeRaw returns the live response when the status is bad.
func executeRaw(c *http.Client, req *http.Request) (string, *http.Response, error) {
	resp, err := c.Do(req)
	if err != nil || resp == nil {
		return "", resp, err
	}
	if resp.StatusCode >= 300 {
		return "", resp, errors.New(resp.Status)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewBuffer(body))
	return string(body), resp, err
}

// The twin: the bad-status response is returned open.
func badGeneratedClientLeaky(c *http.Client, req *http.Request) (string, error) {
	v, resp, err := executeRaw(c, req) // want `response body is never closed`
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(resp.Status)
	}
	return v, nil
}
