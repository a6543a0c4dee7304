package nilguard

import (
	"io"
	"net/http"
)

// resp.Body == nil means there is nothing to close (minio's
// sts_tls_identity.go).
func goodNilGuardedClose(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

func goodNilGuardedCloseReversed(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	if nil != resp.Body {
		defer resp.Body.Close()
	}
	return resp.StatusCode
}

func goodNilGuardedEarlyReturn(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	if resp.Body == nil {
		return resp.StatusCode
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

func badGuardOnWrongBranch(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return 0
	}
	if resp.Body == nil {
		defer resp.Body.Close()
	}
	return resp.StatusCode
}

// A guard on some other response's body does not close this one.
func badGuardOnOtherResponse(c *http.Client, req *http.Request, other *http.Response) int {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return 0
	}
	if other.Body != nil {
		defer resp.Body.Close()
	}
	return resp.StatusCode
}
