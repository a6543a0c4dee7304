// Package issue77: bodyclose#77, the body is kept in a variable
// declared outside the if and closed after it.
package issue77

import (
	"io"
	"net/http"
)

func goodOutside(cond bool) {
	var rc io.ReadCloser
	if cond {
		resp, err := http.Get("http://foo")
		if err != nil {
			print(err)
			return
		}
		rc = resp.Body
	}
	if rc != nil {
		defer rc.Close()
	}
}

func badOutsideNeverClosed(cond bool) {
	var rc io.ReadCloser
	if cond {
		resp, err := http.Get("http://foo") // want `response body is never closed`
		if err != nil {
			print(err)
			return
		}
		rc = resp.Body
	}
	_ = rc
}
