// Package retrycount: a retry loop that closes the body only when
// another attempt follows (i < max) leaves the last response open for
// the caller; the loop cannot go round again after the last attempt
// (opensearch-go opensearchtransport.go:1411).
package retrycount

import (
	"errors"
	"io"
	"net/http"
)

type pool struct{ urls []string }

func (p *pool) next() (string, error) {
	if len(p.urls) == 0 {
		return "", errors.New("no connections")
	}
	return p.urls[0], nil
}

type client struct {
	hc         *http.Client
	p          *pool
	maxRetries int
}

func (c *client) goodRetry(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i <= c.maxRetries; i++ {
		u, err := c.p.next()
		if err != nil {
			return nil, err
		}
		_ = u
		var retry, closeBody bool
		res, err = c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode == http.StatusServiceUnavailable {
			retry = true
			closeBody = true
		}
		if !retry {
			break
		}
		if closeBody && i < c.maxRetries {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
	}
	return res, err
}

// The twin: the body is closed only before the second attempt, so a
// third one overwrites an open response.
func (c *client) badRetry(req *http.Request) (*http.Response, error) {
	var res *http.Response
	var err error
	for i := 0; i <= c.maxRetries; i++ {
		u, err := c.p.next()
		if err != nil {
			return nil, err
		}
		_ = u
		var retry bool
		res, err = c.hc.Do(req) // want `response body is not closed on the path that returns here`
		if err != nil {
			return nil, err
		}
		if res.StatusCode == http.StatusServiceUnavailable {
			retry = true
		}
		if !retry {
			break
		}
		if i < 1 {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
	}
	return res, err
}
