// Package lib is a REST helper like rclone's lib/rest: Call returns
// the response open unless the options say NoResponse, and CallJSON
// decodes (and closes) it when given a target.
package lib

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

type Opts struct {
	Path       string
	NoResponse bool
}

type Client struct {
	c       *http.Client
	onError func(*http.Response) error
}

func drainAndClose(r io.ReadCloser) error { // want drainAndClose:"closesParam\\(0\\)"
	_, err := io.Copy(io.Discard, r)
	if cerr := r.Close(); err == nil {
		err = cerr
	}
	return err
}

func DecodeJSON(resp *http.Response, out any) error { // want DecodeJSON:"closesParam\\(0\\)"
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Call(ctx context.Context, opts *Opts) (*http.Response, error) { // want Call:`openUnless\(1.NoResponse\)`
	if opts == nil {
		return nil, errors.New("nil opts")
	}
	req, err := http.NewRequestWithContext(ctx, "GET", opts.Path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		err = c.onError(resp)
		if err.Error() == "" {
			err = fmt.Errorf("http error %d", resp.StatusCode)
		}
		return resp, err
	}
	if opts.NoResponse {
		return resp, drainAndClose(resp.Body)
	}
	return resp, nil
}

func (c *Client) CallJSON(ctx context.Context, opts *Opts, out any) (*http.Response, error) { // want CallJSON:`openUnless\(2!=nil\)`
	return c.callCodec(ctx, opts, out, DecodeJSON)
}

func (c *Client) callCodec(ctx context.Context, opts *Opts, out any, decode func(*http.Response, any) error) (*http.Response, error) { // want callCodec:`openUnless\(2!=nil&closes\(3.0\)\)`
	opts = opts.Copy()
	resp, err := c.Call(ctx, opts)
	if err != nil {
		return resp, err
	}
	if out == nil || opts.NoResponse {
		return resp, nil
	}
	err = decode(resp, out)
	return resp, err
}

func (o *Opts) Copy() *Opts {
	n := *o
	return &n
}

// CallRaw returns the response open whatever it is given: out is only
// logged.
func (c *Client) CallRaw(ctx context.Context, opts *Opts, out any) (*http.Response, error) {
	resp, err := c.Call(ctx, opts)
	if out != nil {
		fmt.Println(out)
	}
	return resp, err
}

// CallTouched gives opts to another call between Call and its test of
// NoResponse: the test no longer shows what Call was given.
func (c *Client) CallTouched(ctx context.Context, opts *Opts, out any) (*http.Response, error) { // want CallTouched:`openUnless\(1.NoResponse\)`
	resp, err := c.Call(ctx, opts)
	if err != nil {
		return resp, err
	}
	touch(opts)
	if out == nil || opts.NoResponse {
		return resp, nil
	}
	err = DecodeJSON(resp, out)
	return resp, err
}

func touch(o *Opts) { o.Path = "" }

// CallReset clears the option before calling: no condition on it.
func (c *Client) CallReset(ctx context.Context, opts *Opts) (*http.Response, error) {
	opts.NoResponse = false
	return c.Call(ctx, opts)
}
