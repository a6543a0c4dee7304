// Package directsend: a client built as the receiver of its one send,
// (&http.Client{}).Do(req), is judged by that request (godo's
// UploadInputFile: a PUT to a presigned URL under the caller's ctx).
package directsend

import (
	"context"
	"io"
	"net/http"
)

func Upload(ctx context.Context, u string, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, body)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func UploadNoContext(ctx context.Context, u string, body io.Reader) error {
	req, err := http.NewRequest(http.MethodPut, u, body)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{}).Do(req) // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
