// Package statussplit: the callee drained and closed every response
// but a success; on the caller's non-success path there is nothing
// left to drain. The success path still must.
package statussplit

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"unclosedbody/statussplit/lib"
)

func goodNotOK(c *http.Client, req *http.Request, v any) error {
	resp, err := lib.Execute(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func badSuccessUnread(c *http.Client, req *http.Request, v any) error {
	resp, err := lib.Execute(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
