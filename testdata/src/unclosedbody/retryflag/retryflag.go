// Package retryflag: retry loops that record success in a local
// boolean. Each failed attempt's body is read and closed before the
// loop goes on; success sets the flag and breaks; after the loop,
// "if !ok { return err }" comes before the deferred close. That return
// is reached only with every body closed: the search tracks booleans
// assigned constants on the path and prunes branches they rule out.
package retryflag

import (
	"errors"
	"io"
	"net/http"
)

var errGaveUp = errors.New("gave up")

func goodSuccessFlag(c *http.Client, req *http.Request) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
	ok := false
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req)
		if err != nil {
			continue
		}
		if resp.StatusCode/100 != 2 {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			err = errGaveUp
			continue
		}
		ok = true
		break
	}
	if !ok {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func goodFailedFlag(c *http.Client, req *http.Request) ([]byte, error) {
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		failed := false
		resp, err = c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			failed = true
		}
		if failed {
			resp.Body.Close()
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, errGaveUp
}

// The twin: success sets the flag, but the flag is tested the wrong
// way round, so the success path returns with the body open.
func badFlagInverted(c *http.Client, req *http.Request) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
	ok := false
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req) // want `response body is not closed on the path that returns here`
		if err != nil {
			continue
		}
		if resp.StatusCode/100 != 2 {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			continue
		}
		ok = true
		break
	}
	if ok {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The twin: a failed attempt neither closes the body nor sets a flag
// that keeps it from the return.
func badFlagNotSet(c *http.Client, req *http.Request) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
	ok := false
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req) // want `response body is not closed`
		if err != nil {
			continue
		}
		if resp.StatusCode/100 != 2 {
			continue
		}
		ok = true
		break
	}
	if !ok {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
