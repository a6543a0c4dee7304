package ownership

import (
	"io"
	"log"
	"net/http"
	"testing"
)

type holder struct{ resp *http.Response }

var global *http.Response

func goodReturned(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func goodReturnedBody(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func goodStoredField(h *holder, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	h.resp = resp
	return nil
}

func goodStoredGlobal(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	global = resp
	return nil
}

func goodStoredMap(m map[string]*http.Response, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	m[url] = resp
	return nil
}

func goodAppended(all []*http.Response, url string) []*http.Response {
	resp, err := http.Get(url)
	if err != nil {
		return all
	}
	return append(all, resp)
}

func goodSent(ch chan<- *http.Response, url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	ch <- resp
}

func goodGoroutineCloses(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	go func() {
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
	}()
}

func badGoroutineOnlyReads(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return
	}
	go func() {
		log.Print(resp.StatusCode)
	}()
}

func closeBody(c io.Closer) { _ = c.Close() }

func closeResp(r *http.Response) { r.Body.Close() }

func closeReadCloser(rc io.ReadCloser) error { return rc.Close() }

var other *http.Response

func closeSomethingElse(r *http.Response) { other.Body.Close() }

func readOnly(rc io.ReadCloser) ([]byte, error) { return io.ReadAll(rc) }

func goodPassedAsCloser(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer closeBody(resp.Body)
}

func goodPassedByValue(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	closeResp(resp)
}

func goodPassedAsReadCloser(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return closeReadCloser(resp.Body)
}

func badCalleeClosesSomethingElse(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return
	}
	closeSomethingElse(resp)
}

func badCalleeOnlyReads(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return
	}
	_, _ = readOnly(resp.Body)
}

func callClose(f func() error) { _ = f() }

func goodMethodValue(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer callClose(resp.Body.Close)
}

func goodDeferredClosureWithParam(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer func(b io.ReadCloser) {
		_ = b.Close()
	}(resp.Body)
}

func badDeferredClosureParamNotClosed(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return
	}
	defer func(b io.ReadCloser) {
		_, _ = io.ReadAll(b)
	}(resp.Body)
}

func goodTCleanup(t testing.TB, url string) *http.Response {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return nil
}

func goodTCleanupMethodValue(t testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	_ = resp.StatusCode
}

// A test suite's method (no testing parameter: a function that takes
// one is a test helper, checked only with -tests).
type suite struct{ t testing.TB }

func (s suite) badTCleanupForgot(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { s.t.Log(resp.Status) })
}

func (s suite) goodTCleanup(url string) {
	resp, err := http.Get(url)
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { resp.Body.Close() })
}

// Helpers that close through another helper: the fact propagates.
func closeVia(r *http.Response) { closeBody(r.Body) }

func goodTransitive(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	closeVia(resp)
}

type respHandler func(*http.Response) error

func goodDynamicHandler(h respHandler, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return h(resp)
}

func goodAlias(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	body := resp.Body
	defer body.Close()
	return nil
}

func goodWrappedInStruct(url string) (*holder, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return &holder{resp: resp}, nil
}
