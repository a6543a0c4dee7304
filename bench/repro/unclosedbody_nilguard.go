//go:build repro

// unclosedbody false positive, from minio/minio-go/v7@v7.4.1
// pkg/credentials/sts_tls_identity.go:160: the close is guarded by a
// nil check on resp.Body, which net/http never leaves nil after a nil
// error; the body is closed on every path.
package repro

import (
	"io"
	"net/http"
)

func goodNilGuardedClose(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // reported: "response body is not closed on the path that returns here"
	if err != nil {
		return 0, err
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}
