// Package lib holds the callees for unclosedbody/passthrough; its facts
// are checked by bodyown's test.
package lib

import (
	"errors"
	"io"
	"net/http"
)

// CloseResponseBody drains and closes the body.
func CloseResponseBody(resp *http.Response) error { // want CloseResponseBody:`^closesParam\(0\)$`
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}

// RequireNotFoundOrOK returns its argument, or nil after closing it
// (consul's requireNotFoundOrOK).
func RequireNotFoundOrOK(resp *http.Response) (bool, *http.Response, error) { // want RequireNotFoundOrOK:`^closesParam\(0\)$` RequireNotFoundOrOK:`^noOpenResponse\(passes 0\)$`
	switch resp.StatusCode {
	case 200:
		return true, resp, nil
	case 404:
		return false, resp, nil
	default:
		CloseResponseBody(resp)
		return false, nil, errors.New("unexpected status")
	}
}

// Must returns r, or panics on err.
func Must(r *http.Response, err error) *http.Response { // want Must:`^closesParam\(0\) handsOn\(0\)$` Must:`^noOpenResponse\(passes 0\)$`
	if err != nil {
		panic(err)
	}
	return r
}

// RetryOn404 returns its argument, or a new, open, response.
func RetryOn404(c *http.Client, resp *http.Response, req *http.Request) (*http.Response, error) { // want RetryOn404:`^closesParam\(1\)$`
	if resp.StatusCode == http.StatusNotFound {
		resp.Body.Close()
		return c.Do(req)
	}
	return resp, nil
}
