// Package nildefaultbuilt: a client built as the fallback for a client
// the caller did not give (go-git's NewClient(nil): c = &http.Client{
// Transport: http.DefaultTransport}) is the caller's choice, like the
// http.DefaultClient fallback; one built where the caller has no say is
// reported.
package nildefaultbuilt

import "net/http"

type client struct{ c *http.Client }

func NewClient(c *http.Client) *client {
	if c == nil {
		c = &http.Client{Transport: http.DefaultTransport}
	}
	return &client{c: c}
}

type Options struct{ HTTPClient *http.Client }

func NewWithOptions(o *Options) *client {
	if o.HTTPClient == nil {
		o.HTTPClient = new(http.Client)
	}
	return &client{c: o.HTTPClient}
}

// The caller cannot pass a client: the nil check always builds one.

type fixed struct{ c *http.Client }

func newFixed() *fixed {
	f := &fixed{}
	if f.c == nil {
		f.c = &http.Client{} // want `^http\.Client literal has no Timeout`
	}
	return f
}

func (f *fixed) get(u string) error {
	resp, err := f.c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// get sends without a context: the client is still the caller's
// choice (pass one with a Timeout), as with the http.DefaultClient
// fallback.
func (c *client) get(u string) error {
	resp, err := c.c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var _, _ = newFixed, (*client).get

// A functional option's parameter is the value being built, not a
// client the caller left out (minio-go's CertificateIdentityWithTransport).

type Identity struct{ Client *http.Client }

type IdentityOption func(*Identity)

func WithTransport(t http.RoundTripper) IdentityOption {
	return func(i *Identity) {
		if i.Client == nil {
			i.Client = &http.Client{} // want `^http\.Client literal has no Timeout`
		}
		i.Client.Transport = t
	}
}
