// Package statussplit: a callee that closes every response but a
// success (lib.Execute, minio-go's executeMethod) leaves nothing to
// close on the caller's path where its own status test rules success
// out. The success path must still close.
package statussplit

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"unclosedbody/statussplit/lib"
)

func errorFrom(resp *http.Response) error {
	b, _ := io.ReadAll(resp.Body)
	return fmt.Errorf("%d: %s", resp.StatusCode, b)
}

// minio-go api-bucket-notification.go:170: the non-200 return.
func goodNotOK(c *http.Client, req *http.Request) error {
	resp, err := lib.Execute(c, req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorFrom(resp)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// The twin: the success path returns without closing.
func badSuccessPath(c *http.Client, req *http.Request) error {
	resp, err := lib.Execute(c, req) // want `response body is never closed`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorFrom(resp)
	}
	return nil
}

// The same caller on a callee that returns every response open.
func badOpenCallee(c *http.Client, req *http.Request) error {
	resp, err := lib.NotAlwaysClosed(c, req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorFrom(resp)
	}
	defer resp.Body.Close()
	return nil
}

func badTracedCallee(c *http.Client, req *http.Request) error {
	resp, err := lib.Traced(c, req, true) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorFrom(resp)
	}
	defer resp.Body.Close()
	return nil
}

// minio-go api-get-object.go:819: two success codes, under a nil check.
func goodTwoCodes(c *http.Client, url string) (io.ReadCloser, error) {
	resp, err := lib.Get(c, url)
	if err != nil {
		return nil, err
	}
	if resp != nil {
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusPartialContent {
			return nil, errorFrom(resp)
		}
	}
	return resp.Body, nil
}

func goodNotFound(c *http.Client, req *http.Request) (bool, error) {
	resp, err := lib.Checked(c, req)
	if err != nil {
		return false, err
	}
	if resp.StatusCode >= 400 {
		return false, nil
	}
	resp.Body.Close()
	return true, nil
}

// minio-go api-remove.go:630: the status sets err, the loop continues.
func goodLoop(c *http.Client, reqs []*http.Request) {
	for _, req := range reqs {
		resp, err := lib.Execute(c, req)
		if resp != nil && resp.StatusCode != http.StatusOK {
			err = errorFrom(resp)
		}
		if err != nil {
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// The twin: the success path continues without closing.
func badLoop(c *http.Client, reqs []*http.Request) {
	for _, req := range reqs {
		resp, err := lib.Execute(c, req) // want `response body is not closed on the path that continues the loop here`
		if resp != nil && resp.StatusCode != http.StatusOK {
			err = errorFrom(resp)
		}
		if err != nil {
			continue
		}
		if resp.ContentLength == 0 {
			continue
		}
		resp.Body.Close()
	}
}

// Another success code tested first does not hide the 200 path.
func badSecondSuccess(c *http.Client, req *http.Request) error {
	resp, err := lib.Execute(c, req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusCreated {
		defer resp.Body.Close()
		return nil
	} else if resp.StatusCode == http.StatusOK {
		return nil
	}
	return errors.New("unexpected status")
}

// The callee closed the success body and returned the error open: the
// error path leaks.
func badOpenOnError(c *http.Client, req *http.Request) error {
	resp, _, err := lib.OpenOnError(c, req) // want `response body is never closed`
	if resp != nil && resp.StatusCode != http.StatusOK {
		return err
	}
	return nil
}
