// want package:"hasPoolBuilders"

// Package fieldcopy stores a pool in a field of a local struct (a
// by-value config parameter) and reads it back (corpus: opensearch-go's
// opensearchtransport.New clones the transport into cfg.Transport and
// returns a client holding cfg.Transport).
package fieldcopy

import (
	"crypto/tls"
	"net/http"
)

type Config struct {
	Transport http.RoundTripper
	Retries   int
}

type Client struct {
	transport http.RoundTripper
	retries   int
}

// GoodNewFromConfig clones into the config it was given by value and
// returns a client that holds what it cloned.
func GoodNewFromConfig(cfg Config) (*Client, error) { // want GoodNewFromConfig:`buildsPool\(http.Transport, returned\)`
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport
	}
	t := cfg.Transport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	cfg.Transport = t
	return &Client{transport: cfg.Transport, retries: cfg.Retries}, nil
}

// BadConfigDropped stores the clone in the local config, reads it back
// for one request and drops it.
func BadConfigDropped(cfg Config, url string) error { // want BadConfigDropped:`buildsPool\(http.Transport\)`
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per call of BadConfigDropped and dropped after use`
	cfg.Transport = t
	hc := &http.Client{Transport: cfg.Transport}
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
