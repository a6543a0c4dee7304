//go:build repro

// perrequest false positive, from minio/minio-go/v7@v7.4.1 api.go:755
// and :766: net/http/httputil.DumpRequestOut builds a throwaway
// http.Transport whose dialer is an in-memory pipe, so the builder fact
// derived from the standard library marks it (and every function that
// calls it for tracing) as building a pool. No socket, no pool: std
// functions like DumpRequestOut should never export a builder fact.
//
// Seen with the 07:31 working tree; silent at 28431cb (reqpath's fast
// path). Kept as a regression fixture.
package repro

import (
	"io"
	"net/http"
	"net/http/httputil"
	"os"
)

func dump(req *http.Request) {
	b, err := httputil.DumpRequestOut(req, false)
	if err == nil {
		os.Stderr.Write(b)
	}
}

func goodTraceInRetryLoop(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		dump(req) // reported: "dump builds a new http.Transport on every call, here per iteration of a loop"
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return nil
	}
	return nil
}
