// Package ctxdone: when the request's context is done, net/http closes
// its connection; a path that gives up without closing the body after
// <-ctx.Done() (or under ctx.Err() != nil) leaks nothing (minio-go
// api-bucket-notification.go:215).
package ctxdone

import (
	"bufio"
	"context"
	"net/http"
	"time"
)

func get(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// The context goes to the wrapper that sends the request.
func goodSelectDone(ctx context.Context, c *http.Client, url string, lines chan<- string) {
	resp, err := get(ctx, c, url)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		select {
		case lines <- sc.Text():
		case <-ctx.Done():
			return
		}
	}
	resp.Body.Close()
}

// The request is built with a context derived from ctx.
func goodDerivedErr(ctx context.Context, c *http.Client, url string) error {
	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return resp.Body.Close()
}

// The twins: a stop channel is not the request's context; a request
// without the context is not ended by it.
func badSelectStop(ctx context.Context, c *http.Client, url string, lines chan<- string, stop <-chan struct{}) {
	resp, err := get(ctx, c, url) // want `response body is not closed on the path that returns here`
	if err != nil {
		return
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		select {
		case lines <- sc.Text():
		case <-stop:
			return
		}
	}
	resp.Body.Close()
}

func badOtherContext(ctx context.Context, c *http.Client, url string, lines chan<- string) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		select {
		case lines <- sc.Text():
		case <-ctx.Done():
			return
		}
	}
	resp.Body.Close()
}
