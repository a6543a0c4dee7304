// Package alias: a body saved in a local variable and closed through
// it is closed, even after the response variable is given a wrapped
// response.
package alias

import (
	"compress/gzip"
	"io"
	"net/http"
)

// decompress returns a response whose body reads through gzip; the
// network body stays with the caller.
func decompress(resp *http.Response) (*http.Response, error) {
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		return nil, err
	}
	out := *resp
	out.Body = io.NopCloser(zr)
	return &out, nil
}

func goodSavedBody(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	orig := resp.Body
	defer orig.Close()
	resp, err = decompress(resp)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func goodSavedBodyVar(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	var body io.ReadCloser = resp.Body
	defer func() { _ = body.Close() }()
	return resp.StatusCode, nil
}

// The twin: the saved body is never closed.
func badSavedBodyNotClosed(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `response body is never closed`
	if err != nil {
		return nil, err
	}
	orig := resp.Body
	_ = orig
	resp, err = decompress(resp)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// retry closes the response it is given and sends the request again.
func retry(c *http.Client, resp *http.Response) (*http.Response, error) {
	resp.Body.Close()
	return c.Do(resp.Request)
}

// The twin of resp = wrap(resp): a callee that closes the old response
// returns a fresh one, which is checked on its own.
func badRetriedNotClosed(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode == http.StatusServiceUnavailable {
		resp, err = retry(c, resp) // want `response body is not closed on the path that returns here`
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}
	resp.Body.Close()
	return http.StatusOK, nil
}

// proxyCtx runs a filter chain over responses (goproxy's
// filterResponse): it keeps the response it is given, and returns it
// or one derived from it, without closing it.
type proxyCtx struct {
	resp     *http.Response
	handlers []func(*http.Response) *http.Response
}

func (p *proxyCtx) filter(resp *http.Response) *http.Response {
	for _, h := range p.handlers {
		p.resp = resp
		resp = h(resp)
	}
	return resp
}

// goproxy http.go:39: the original body is closed through an alias
// saved under a nil check, before the filter chain replaces resp.
func goodFilterChain(p *proxyCtx, rt http.RoundTripper, req *http.Request, w io.Writer) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return
	}
	var origBody io.ReadCloser
	if resp != nil {
		origBody = resp.Body
		defer origBody.Close()
	}
	resp = p.filter(resp)
	if resp == nil {
		return
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		return
	}
	io.Copy(w, resp.Body)
}

// replace closes the response it is given and returns another one.
func (p *proxyCtx) replace(resp *http.Response) *http.Response {
	resp.Body.Close()
	return p.resp
}

// The twin: a filter that closes the old response returns a fresh one,
// which is followed on its own.
func badFilterChain(p *proxyCtx, rt http.RoundTripper, req *http.Request, w io.Writer) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return
	}
	resp = p.replace(resp) // want `response body is never closed`
	if resp == nil {
		return
	}
	io.Copy(w, resp.Body)
}
