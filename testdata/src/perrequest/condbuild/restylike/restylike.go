// Package restylike has resty v2's shape: New builds a transport
// through a default, NewWithClient only when the caller's client has
// none.
package restylike // want package:"hasPoolBuilders"

import (
	"net/http"
	"net/url"
	"time"
)

type Client struct{ hc *http.Client }

func (c *Client) Get(u string) error {
	_, err := c.hc.Get(u)
	return err
}

func createTransport() *http.Transport { // want createTransport:`buildsPool\(http.Transport, returned\)`
	return &http.Transport{MaxIdleConns: 100}
}

// createClient: a nil check on a parameter's field is a default, not a
// cache.
func createClient(hc *http.Client) *Client { // want createClient:`buildsPool\(http.Transport, returned, unless arg 0 sets Transport\)`
	if hc.Transport == nil {
		hc.Transport = createTransport()
	}
	return &Client{hc: hc}
}

// New hands createClient a fresh client without a Transport: it builds.
func New() *Client { // want New:`buildsPool\(http.Transport, returned\)`
	return createClient(&http.Client{Timeout: time.Minute})
}

// NewWithClient passes the condition up to its callers.
func NewWithClient(hc *http.Client) *Client { // want NewWithClient:`buildsPool\(http.Transport, returned, unless arg 0 sets Transport\)`
	return createClient(hc)
}

// NewShared gives createClient a client with a Transport: no pool.
func NewShared() *Client {
	return createClient(&http.Client{Transport: http.DefaultTransport})
}

type Config struct {
	Proxy   func(*http.Request) (*url.URL, error)
	Timeout time.Duration
}

// NewProxied builds a transport only when the option is set.
func NewProxied(cfg Config) *http.Client { // want NewProxied:`buildsPool\(http.Transport, returned, only if arg 0 sets Proxy\)`
	client := http.DefaultClient
	if cfg.Proxy != nil {
		client = &http.Client{Transport: &http.Transport{Proxy: cfg.Proxy}}
	}
	return client
}

type Options struct{ HTTPClient *http.Client }

type API struct{ hc *http.Client }

// NewAPI fills in a default on the options it is given.
func NewAPI(o *Options) *API { // want NewAPI:`buildsPool\(http.Transport, returned, unless arg 0 sets HTTPClient\)`
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Transport: &http.Transport{}}
	}
	return &API{hc: o.HTTPClient}
}

func (a *API) Ping() { a.hc.Get("https://example.com") }

// TLSOptions are aws-sdk-go v1 session options in small: a session
// builds a transport only with a client certificate configured.
type TLSOptions struct{ Cert, Key []byte }

// loadCert stores a new transport on the client it is given.
func loadCert(hc *http.Client) error { // want loadCert:`buildsPool\(http.Transport, returned\)`
	hc.Transport = &http.Transport{}
	return nil
}

// SetTLS builds only when the caller's options carry a cert and a key.
func SetTLS(o *TLSOptions, hc *http.Client) error { // want SetTLS:`buildsPool\(http.Transport, returned, only if arg 0 sets Cert\)`
	if o.Cert != nil && o.Key != nil {
		return loadCert(hc)
	}
	return nil
}

// NewSession passes empty options: no transport.
func NewSession() (*http.Client, error) {
	o := TLSOptions{}
	hc := &http.Client{}
	err := SetTLS(&o, hc)
	return hc, err
}
