// Package issue6: bodyclose#6, closes through a helper taking
// io.Closer, a deferred closure, and a wrapper like require.NoError.
package issue6

import (
	"io"
	"net/http"
)

func closeBody(c io.Closer) { _ = c.Close() }

func noError(err error) {}

func goodHelper() {
	resp, _ := http.Get("https://example.com")
	defer closeBody(resp.Body)
}

func goodDeferClosure() {
	resp, _ := http.Get("https://example.com")
	defer func() {
		_ = resp.Body.Close()
	}()
}

func goodWrappedClose(c *http.Client, req *http.Request) {
	resp, err := c.Do(req)
	noError(err)
	defer func() { noError(resp.Body.Close()) }()
}

func badWrappedNoClose(c *http.Client, req *http.Request) {
	resp, err := c.Do(req) // want `response body is never closed`
	noError(err)
	defer func() { noError(nil) }()
	_ = resp.Status
}
