// Package issue18: bodyclose#18, a closure taking io.Closer, and a
// deferred closure with a parameter.
package issue18

import (
	"io"
	"net/http"
)

func goodClosureParam() {
	res, _ := http.Get("http://example.com/")
	resCloser := func(c io.Closer) {
		c.Close()
	}
	resCloser(res.Body)
}

func goodDeferredParam() {
	res, _ := http.Get("http://example.com/")
	defer func(body io.ReadCloser) {
		_ = body.Close()
	}(res.Body)
}

func badClosureDoesNotClose() {
	res, _ := http.Get("http://example.com/") // want `response body is never closed`
	_ = func() {
		_ = res.StatusCode
	}
}
