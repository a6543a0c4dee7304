// Package issue4: bodyclose#4, a function returning *http.Response.
// The callee hands the response on (silent); the caller owns it.
package issue4

import "net/http"

func get() *http.Response {
	resp, _ := http.Get("https://example.com")
	return resp
}

func goodCallerCloses() {
	resp := get()
	resp.Body.Close()
}

func badCallerForgets() int {
	resp := get() // want `response body is never closed`
	return resp.StatusCode
}
