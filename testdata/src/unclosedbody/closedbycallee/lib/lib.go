// Package lib holds the callees for unclosedbody/closedbycallee; its
// facts are checked by bodyown's test.
package lib

import (
	"context"
	"errors"
	"io"
	"net/http"
)

// Fetch reads the body and closes it before returning the bytes: the
// response it returns needs no close.
func Fetch(c *http.Client, req *http.Request) (*http.Response, []byte, error) { // want Fetch:`^noOpenResponse$`
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// FetchSelect closes the body in every case of a select (client_golang's
// httpClient.Do).
func FetchSelect(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, []byte, error) { // want FetchSelect:`^noOpenResponse$`
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	var body []byte
	done := make(chan struct{})
	go func() {
		defer close(done)
		body, err = io.ReadAll(resp.Body)
	}()
	select {
	case <-ctx.Done():
		resp.Body.Close()
		return resp, nil, ctx.Err()
	case <-done:
		resp.Body.Close()
		return resp, body, err
	}
}

// Open returns the response open: its caller must close it.
func Open(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// CloseOnBadStatus closes the body only on a bad status: on 200 the
// response it returns is still open.
func CloseOnBadStatus(c *http.Client, req *http.Request) (*http.Response, error) { // want CloseOnBadStatus:`^openOnSuccess$`
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return resp, errors.New("bad status")
	}
	return resp, nil
}

// Client returns the body's content beside the response.
type Client interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, []byte, error)
}

// Warnings are decoded from the body.
type Warnings []string

// apiClient is unexported: its implementations are this package's.
type apiClient interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, Warnings, error) // want Do:`^noOpenResponse$`
}

type apiImpl struct{ c Client }

// Do returns the response of a content-returning Client.Do: already
// read and closed.
func (a *apiImpl) Do(ctx context.Context, req *http.Request) (*http.Response, Warnings, error) { // want Do:`^noOpenResponse$`
	resp, body, err := a.c.Do(ctx, req)
	if err != nil {
		return resp, nil, err
	}
	if !okStatus(resp) {
		return resp, nil, errors.New("bad status")
	}
	return resp, Warnings{string(body)}, nil
}

// opener is unexported, but its implementation returns open responses.
type opener interface {
	Get(req *http.Request) (*http.Response, error)
}

type openImpl struct{ c *http.Client }

func (o openImpl) Get(req *http.Request) (*http.Response, error) {
	return Open(o.c, req)
}

// API hands out the unexported interfaces through exported fields.
type API struct {
	Client apiClient
	Opener opener
}

// New returns an API over c.
func New(c Client, hc *http.Client) *API {
	return &API{Client: &apiImpl{c}, Opener: openImpl{hc}}
}

func okStatus(resp *http.Response) bool { return resp.StatusCode/100 == 2 }

// Thing is what the decoders below fill in.
type Thing struct{ Name string }

// FromResponse decodes resp with the decoder its caller passes
// (go-pagerduty's getBusinessServiceFromResponse(resp, err, c.decodeJSON)):
// whether the body is closed is up to that decoder.
func FromResponse(resp *http.Response, err error, decode func(*http.Response, any) error) (*Thing, error) { // want FromResponse:`^via\(0->2\.0\)$`
	if err != nil {
		return nil, err
	}
	var t Thing
	if err := decode(resp, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// ForwardFromResponse hands the decoder on: the same fact.
func ForwardFromResponse(resp *http.Response, decode func(*http.Response, any) error) (*Thing, error) { // want ForwardFromResponse:`^via\(0->1\.0\)$`
	return FromResponse(resp, nil, decode)
}

// DecodeAndClose closes the body through an alias (go-pagerduty's decodeJSON).
func DecodeAndClose(resp *http.Response, v any) error { // want DecodeAndClose:`^closesParam\(0\)$`
	orb := resp.Body
	defer orb.Close()
	_, err := io.ReadAll(resp.Body)
	return err
}

// DecodeOnly reads the body and leaves it open.
func DecodeOnly(resp *http.Response, v any) error {
	_, err := io.ReadAll(resp.Body)
	return err
}
