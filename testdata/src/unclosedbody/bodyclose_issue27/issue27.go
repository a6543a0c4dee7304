// Package issue27: bodyclose#27, a function that returns the body as
// io.ReadCloser for the caller to close.
package issue27

import (
	"io"
	"net/http"
)

func goodDownload(url string) (io.ReadCloser, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}

func badDownloadReturnsBytesOnly(url string) (int, error) {
	r, err := http.DefaultClient.Get(url) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return r.StatusCode, nil
}
