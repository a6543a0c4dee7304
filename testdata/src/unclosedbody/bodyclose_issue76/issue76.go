// Package issue76: bodyclose#76, a wrapper that reads and closes the
// body and swaps in a NopCloser. Responses from wrappers are checked:
// the caller still owns what it gets back. Closing it is cheap.
package issue76

import (
	"bytes"
	"io"
	"net/http"
)

func readNoOp(url string) (*http.Response, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return r, err
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return r, err
	}
	r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return r, nil
}

func badCallerIgnores(url string) error {
	r, err := readNoOp(url) // want `response body is never closed`
	if err != nil {
		return err
	}
	_ = r
	return nil
}

func goodCallerCloses(url string) error {
	r, err := readNoOp(url)
	if err != nil {
		return err
	}
	return r.Body.Close()
}
