package closedbycallee

import (
	"context"
	"net/http"

	"unclosedbody/closedbycallee/lib"
)

// The callee read and closed the body (prometheus client_golang's
// api.Client.Do): nothing to close here.
func goodClosedByCallee(c *http.Client, req *http.Request) ([]byte, error) {
	_, body, err := lib.Fetch(c, req)
	return body, err
}

func goodClosedByCalleeSelect(ctx context.Context, c *http.Client, req *http.Request) (int, error) {
	resp, _, err := lib.FetchSelect(ctx, c, req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badCalleeReturnsOpen(c *http.Client, req *http.Request) (int, error) {
	resp, err := lib.Open(c, req) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badCalleeClosesOnlyOnError(c *http.Client, req *http.Request) error {
	_, err := lib.CloseOnBadStatus(c, req) // want `response is discarded`
	return err
}

// Through an interface: a result list with the body's content beside
// the response means the body was consumed.
func goodInterfaceReturnsContent(ctx context.Context, c lib.Client, req *http.Request) error {
	_, _, err := c.Do(ctx, req)
	return err
}

type stringer interface {
	Get(url string) (*http.Response, string, error)
}

func goodInterfaceReturnsString(s stringer, url string) (string, error) {
	resp, text, err := s.Get(url)
	if err != nil {
		return "", err
	}
	_ = resp.StatusCode
	return text, nil
}

type doer interface {
	Do(req *http.Request) (*http.Response, error)
}

func badInterfacePlain(d doer, req *http.Request) error {
	_, err := d.Do(req) // want `response is discarded`
	return err
}

func goodFuncValueReturnsContent(do func(*http.Request) (*http.Response, []byte, error), req *http.Request) error {
	_, _, err := do(req)
	return err
}

func badFuncValuePlain(get func(string) (*http.Response, error), url string) int {
	resp, err := get(url) // want `response body is never closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// An unexported interface whose every implementation returns a closed
// response (client_golang's apiClient).
func goodUnexportedInterface(ctx context.Context, a *lib.API, req *http.Request) (lib.Warnings, error) {
	_, w, err := a.Client.Do(ctx, req)
	return w, err
}

func badUnexportedInterfaceOpen(a *lib.API, req *http.Request) error {
	_, err := a.Opener.Get(req) // want `response is discarded`
	return err
}

// A helper decodes with the function its caller passes: closed when
// that function closes the body.
func goodClosedThroughDecoderParam(c *http.Client, req *http.Request) (*lib.Thing, error) {
	resp, err := c.Do(req)
	return lib.FromResponse(resp, err, lib.DecodeAndClose)
}

type api struct{ c *http.Client }

func (a *api) decodeJSON(resp *http.Response, v any) error {
	defer resp.Body.Close()
	return nil
}

func (a *api) goodClosedThroughMethodValue(req *http.Request) (*lib.Thing, error) {
	resp, err := a.c.Do(req)
	if err != nil {
		return nil, err
	}
	return lib.ForwardFromResponse(resp, a.decodeJSON)
}

func goodClosedThroughFuncLit(c *http.Client, req *http.Request) (*lib.Thing, error) {
	resp, err := c.Do(req)
	return lib.FromResponse(resp, err, func(r *http.Response, v any) error { return r.Body.Close() })
}

func badDecoderParamLeavesOpen(c *http.Client, req *http.Request) (*lib.Thing, error) {
	resp, err := c.Do(req) // want `response body is`
	return lib.FromResponse(resp, err, lib.DecodeOnly)
}
