// Package readerror: a return on the error path of a read of the whole
// body comes after net/http has torn the connection down (a read that
// fails before EOF closes it): nothing is left to close.
package readerror

import (
	"errors"
	"io"
	"net/http"
	"net/http/httputil"
)

func goodReadAllError(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}

func goodDumpError(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	dump, err := httputil.DumpResponse(resp, true)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return dump, nil
}

func checkType(h http.Header) error {
	if h.Get("Content-Type") == "" {
		return errors.New("no content type")
	}
	return nil
}

// The twin: an error that does not come from reading the body says
// nothing about the connection.
func badOtherError(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	err = checkType(resp.Header)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The twin: a decode error leaves the connection open.
func badReadThenCheck(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err == nil && len(b) == 0 {
		return nil, io.ErrUnexpectedEOF
	}
	resp.Body.Close()
	return b, err
}

// dump traces a response; with the body, DumpResponse leaves an
// in-memory copy in resp.Body and closes the network one.
func dump(resp *http.Response, w io.Writer) error {
	b, err := httputil.DumpResponse(resp, true)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func goodDumpedByHelper(c *http.Client, req *http.Request, w io.Writer) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if err := dump(resp, w); err != nil {
		return nil, err
	}
	return resp, nil
}

// dumpHeaders traces only the headers: the body stays on the network.
func dumpHeaders(resp *http.Response, w io.Writer) error {
	b, err := httputil.DumpResponse(resp, false)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// The twin: the trace write can fail with the network body still open.
func badDumpedHeadersByHelper(c *http.Client, req *http.Request, w io.Writer) (*http.Response, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	if err := dumpHeaders(resp, w); err != nil {
		return nil, err
	}
	return resp, nil
}

// Through io.LimitReader, a failed read is still a failed read of the
// body (golang.org/x/oauth2's retrieveDeviceAuth).
func goodLimitedReadError(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}

// The twin: http.MaxBytesReader fails with its own *MaxBytesError past
// the limit, and the connection is still open then.
func badMaxBytesReadError(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(http.MaxBytesReader(nil, resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}
