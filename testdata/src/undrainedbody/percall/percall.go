// Package percall: a response sent through a pool built for this one
// request and dropped. No connection of it is ever reused, so draining
// buys nothing (external-secrets senhasegura/auth/iso.go:135); the
// pool per call is the bug, which perrequest reports.
package percall

import (
	"crypto/tls"
	"errors"
	"io"
	"net/http"
	"strings"
)

func goodPerCallTransport(u string, insecure bool) (string, error) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}}
	client := &http.Client{Transport: tr}
	r, err := http.NewRequest("POST", u, strings.NewReader("x"))
	if err != nil {
		return "", err
	}
	resp, err := client.Do(r)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", errors.New("bad status")
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func goodPerCallClone(u string) error {
	client := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twins: the client shares DefaultTransport; the transport is
// kept; the client sends again in a loop.
func badDefaultTransport(u string) error {
	client := &http.Client{}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close() // want `response body is closed before it is read to EOF`
}

type holder struct{ tr *http.Transport }

func badKeptTransport(h *holder, u string) error {
	tr := &http.Transport{}
	h.tr = tr
	client := &http.Client{Transport: tr}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close() // want `response body is closed before it is read to EOF`
}

func badLoopReuse(urls []string) error {
	client := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close() // want `response body is closed before it is read to EOF`
	}
	return nil
}
