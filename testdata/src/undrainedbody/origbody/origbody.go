// Package origbody: a helper that returns the response open (it closes
// only on its error path, through a saved alias of the body, and hands
// the response to an error value) leaves its caller to drain it
// (go-github copilot.go:1668).
package origbody

import (
	"encoding/json"
	"net/http"

	"undrainedbody/origbody/lib"
)

func badDecodeOpen(c *http.Client, req *http.Request, v any) error {
	resp, err := lib.Fetch(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	return json.NewDecoder(resp.Body).Decode(v)
}

// The look-alike: the helper already read and closed the body.
func goodDecodeConsumed(c *http.Client, req *http.Request, v any) error {
	resp, err := lib.Consumed(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
