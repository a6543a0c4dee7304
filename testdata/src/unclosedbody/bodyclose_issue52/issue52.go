// Package issue52: bodyclose#52, http.NewResponseController returns no
// response body.
package issue52

import "net/http"

func goodController(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	resp, err := http.Get("http://example.com")
	if err != nil {
		return
	}
	defer resp.Body.Close()
}

func badControllerAndLeak(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	resp, err := http.Get("http://example.com") // want `response body is never closed`
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode)
}
