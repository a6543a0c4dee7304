package bodydemo

import (
	"io"
	"net/http"
	"net/http/httputil"
	"os"
)

// The standard library is known from poollint's tables under every
// driver (no facts are computed for it): these must give the same
// findings through go vet and standalone.

// A body wrapped by http.MaxBytesReader is closed through the wrapper.
func GoodLimitedBody(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	body := http.MaxBytesReader(nil, resp.Body, 1<<20)
	defer body.Close()
	return io.ReadAll(body)
}

// The twin: the wrapper is dropped and nothing closes the body.
func BadLimitedBodyDropped(req *http.Request) (int, error) {
	resp, err := client.Do(req) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	_ = http.MaxBytesReader(nil, resp.Body, 1<<20)
	return resp.StatusCode, nil
}

// DumpResponse with the body leaves an in-memory copy and closes the
// network body, whether the trace write fails or not.
func traceResponse(resp *http.Response) error {
	b, err := httputil.DumpResponse(resp, true)
	if err != nil {
		return err
	}
	_, err = os.Stderr.Write(b)
	return err
}

func GoodTraced(req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if err := traceResponse(resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// A retry loop that records success in a flag.
func GoodRetryFlag(req *http.Request) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
	ok := false
	for range 3 {
		resp, err = client.Do(req)
		if err != nil {
			continue
		}
		if resp.StatusCode >= 500 {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
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

// The twin: the failed attempt's body is left open when the loop ends.
func BadRetryFlag(req *http.Request) ([]byte, error) {
	var (
		resp *http.Response
		err  error
	)
	ok := false
	for range 3 {
		resp, err = client.Do(req) // want `response body is not closed`
		if err != nil {
			continue
		}
		if resp.StatusCode >= 500 {
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

// 304 Not Modified has no body.
func GoodNotModified(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The close is deferred before the error check: a failed request
// panics on the nil response.
func BadDeferBeforeCheck(url string) error {
	resp, err := client.Get(url)
	defer resp.Body.Close() // want `resp.Body.Close is deferred before the error check`
	if err != nil {
		return err
	}
	return nil
}
