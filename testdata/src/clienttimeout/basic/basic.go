// Package basic holds the clienttimeout rules, each with a silent
// look-alike.
package basic

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

var transport = http.DefaultTransport

// Literals, new and zero values.

var badPackageClient = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever; set Timeout, or write Timeout: 0 with a comment if the client streams$`

var goodPackageClient = &http.Client{Transport: transport, Timeout: 10 * time.Second}

var goodTimedInInit = &http.Client{Transport: transport}

func init() {
	goodTimedInInit.Timeout = 5 * time.Second
}

func badLocal() *http.Client {
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	return c
}

func goodLocalSetLater() *http.Client {
	c := &http.Client{}
	c.Timeout = 3 * time.Second
	return c
}

func badNew() *http.Client {
	return new(http.Client) // want `^new\(http\.Client\) has no Timeout`
}

func goodNewSetLater() *http.Client {
	c := new(http.Client)
	c.Timeout = time.Second
	return c
}

func badZeroVar() (*http.Response, error) {
	var c http.Client // want `^zero http\.Client has no Timeout`
	return c.Get("https://example.com")
}

func goodZeroVarSetLater() (*http.Response, error) {
	var c http.Client
	c.Timeout = time.Second
	return c.Get("https://example.com")
}

func badValueLiteral() (*http.Response, error) {
	c := http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	return c.Get("https://example.com")
}

func goodDeliberatelyNoTimeout() *http.Client {
	return &http.Client{
		Transport: transport,
		Timeout:   0, // server-sent events: the stream lives for hours
	}
}

func goodDeliberatelyNoTimeoutAssigned() *http.Client {
	c := &http.Client{Transport: transport}
	c.Timeout = 0 // websocket upgrade: bounded by the request context
	return c
}

type service struct{ client *http.Client }

func (s *service) badFieldNeverTimed() {
	s.client = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
}

func (s *service) goodFieldTimedLater() {
	s.client = &http.Client{Transport: transport}
	s.client.Timeout = 30 * time.Second
}

func badInStructLiteral() *service {
	return &service{client: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

func goodInStructLiteral() *service {
	return &service{client: &http.Client{Timeout: time.Minute}}
}

// Escapes: code we cannot see may set Timeout.

func goodEscapesToFuncValue(configure func(*http.Client)) *http.Client {
	c := &http.Client{}
	configure(c)
	return c
}

func goodAliased() *http.Client {
	c := &http.Client{}
	d := c
	d.Timeout = time.Second
	return d
}

// Requests that carry a deadline.

func goodEveryRequestHasDeadline(ctx context.Context, u string) error {
	c := &http.Client{Transport: transport}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// A context parameter is the caller's to bound.
func goodRequestWithCallersContext(ctx context.Context, u string) error {
	c := &http.Client{Transport: transport}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func badRequestOnBackground(u string) error {
	c := &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\); set Timeout`
	ctx := context.Background()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func badContextInScopeUnused(ctx context.Context, u string) error {
	c := &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\); set Timeout`
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func badNoContextAnywhere(u string) error {
	c := &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request is built by http\.NewRequest, with no context\); set Timeout`
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodNoContextButDeadline(u string) error {
	c := &http.Client{Transport: transport}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Package-level helpers and DefaultClient.

func badGet(u string) (*http.Response, error) {
	return http.Get(u) // want `^http\.Get uses http\.DefaultClient, which has no Timeout, so a stalled server blocks it forever; use an http\.Client with a Timeout, or http\.NewRequestWithContext with a deadline$`
}

func goodGetOnClient(u string) (*http.Response, error) {
	return goodPackageClient.Get(u)
}

func badHead(u string) (*http.Response, error) {
	return http.Head(u) // want `^http\.Head uses http\.DefaultClient`
}

func badPost(u string) (*http.Response, error) {
	return http.Post(u, "text/plain", strings.NewReader("x")) // want `^http\.Post uses http\.DefaultClient`
}

func badPostForm(u string) (*http.Response, error) {
	return http.PostForm(u, url.Values{}) // want `^http\.PostForm uses http\.DefaultClient`
}

func goodPostFormOnClient(u string) (*http.Response, error) {
	return goodPackageClient.PostForm(u, url.Values{})
}

func badDefaultClient(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `^http\.DefaultClient has no Timeout, so a stalled server blocks it forever; use an http\.Client with a Timeout, or requests with a context deadline$`
}

func goodDefaultClientWithDeadline(u string) (*http.Response, error) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func badDefaultClientStored() *http.Client {
	c := http.DefaultClient // want `^http\.DefaultClient has no Timeout`
	return c
}

func goodDefaultClientReadOnly() bool {
	return http.DefaultClient.Timeout == 0
}

// A copy of http.DefaultClient with its own Timeout (corpus:
// cert-manager), beside a copy without one.

func goodDefaultClientCopyTimed() *http.Client {
	c := *http.DefaultClient
	c.Timeout = 10 * time.Second
	return &c
}

func badDefaultClientCopy() *http.Client {
	c := *http.DefaultClient // want `^http\.DefaultClient has no Timeout`
	c.CheckRedirect = nil
	return &c
}
