// Package nohttp uses responses without importing net/http: the fast
// path must not skip it.
package nohttp

import (
	"io"

	"unclosedbody/nohttp/client"
)

func badWrapper(c *client.Client, url string) ([]byte, error) {
	resp, err := c.Fetch(url) // want `response body is never closed`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func goodWrapper(c *client.Client, url string) ([]byte, error) {
	resp, err := c.Fetch(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
