// Package weird holds odd but legal shapes that must not panic.
package weird

import (
	"net/http"
	h "net/http"
	"time"
)

type C = http.Client

type Embeds struct {
	http.Client
}

func badAlias() *C {
	return &C{} // want `^http\.Client literal has no Timeout`
}

func goodEmbedded() *Embeds {
	e := &Embeds{}
	e.Timeout = time.Second
	return e
}

func badRenamed() *h.Client {
	return &h.Client{} // want `^http\.Client literal has no Timeout`
}

func generic[P interface{ *http.Client }](p P) P { return p }

func goodGeneric() *http.Client {
	c := &http.Client{}
	c = generic(c)
	c.Timeout = time.Second
	return c
}

func goodMultiValue() (*http.Client, *http.Client) {
	a, b := &http.Client{}, &http.Client{}
	a.Timeout, b.Timeout = time.Second, time.Minute
	return a, b
}

func goodMethodValue() func(*http.Request) (*http.Response, error) {
	return (&http.Client{Timeout: time.Second}).Do
}

func goodDefaultClientField() http.RoundTripper {
	return http.DefaultClient.Transport
}

func badDefaultClientMethodValue() func(string) (*http.Response, error) {
	return http.DefaultClient.Get // want `^http\.DefaultClient has no Timeout`
}

func goodDeadlineShadowed(req *http.Request) {
	c := &http.Client{Timeout: time.Second}
	if req, ok := any(req).(*http.Request); ok {
		_, _ = c.Do(req)
	}
}

func goodRange(cs []http.Client) {
	for i := range cs {
		cs[i].Timeout = time.Second
	}
}
