package passthrough

import (
	"net/http"

	"unclosedbody/passthrough/lib"
)

// The pass-through hands back the response the caller already tracks
// (and closes with the deferred call): not a second response.
func goodPassThrough(c *http.Client, req *http.Request) (bool, error) {
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	defer lib.CloseResponseBody(resp)
	found, resp, err := lib.RequireNotFoundOrOK(resp)
	if err != nil {
		return false, err
	}
	_ = resp.Header
	return found, nil
}

func goodPassThroughNewVar(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	_, same, _ := lib.RequireNotFoundOrOK(resp)
	if same == nil {
		return 0
	}
	return same.StatusCode
}

// A pass-through of a fresh response is that response.
func badPassThroughFreshCall(c *http.Client, req *http.Request) int {
	resp := lib.Must(c.Do(req)) // want `response body is never closed`
	return resp.StatusCode
}

// RetryOn404 may return a new response: the caller must close it.
func badMayReturnNew(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp2, err := lib.RetryOn404(c, resp, req) // want `response body is never closed`
	if err != nil {
		return err
	}
	_ = resp2.StatusCode
	return nil
}
