// Package retryable serves HTTP and calls out through the real
// go-retryablehttp and go-cleanhttp, whose constructors build a new
// http.Transport on every call (facts learnt from their source).
package retryable

import (
	"net/http"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// Built once, when the package is initialised.
var pooled = cleanhttp.DefaultPooledClient()

type API struct {
	rc *retryablehttp.Client
}

// NewAPI builds the retrying client once and keeps it.
func NewAPI() *API {
	return &API{rc: retryablehttp.NewClient()}
}

func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/bad-retryable", a.badRetryable)
	mux.HandleFunc("/bad-pooled", a.badPooled)
	mux.HandleFunc("/good-retryable", a.goodRetryable)
	mux.HandleFunc("/good-pooled", a.goodPooled)
}

func (a *API) badRetryable(w http.ResponseWriter, r *http.Request) {
	rc := retryablehttp.NewClient() // want `retryablehttp.NewClient builds a new http.Transport on every call, here per request in handler \(\*API\).badRetryable; build it once and reuse it`
	rc.RetryMax = 2
	resp, err := rc.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}

func (a *API) goodRetryable(w http.ResponseWriter, r *http.Request) {
	resp, err := a.rc.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}

func (a *API) badPooled(w http.ResponseWriter, r *http.Request) {
	hc := cleanhttp.DefaultPooledClient() // want `cleanhttp.DefaultPooledClient builds a new http.Transport on every call, here per request in handler \(\*API\).badPooled; build it once and reuse it`
	resp, err := hc.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}

func (a *API) goodPooled(w http.ResponseWriter, r *http.Request) {
	resp, err := pooled.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}

// Notify builds a retrying client, sends one request and drops it: every
// notification pays the handshakes.
func Notify(url string) error {
	rc := retryablehttp.NewClient() // want `retryablehttp.NewClient builds a new http.Transport per call of Notify, dropped after use; build it once, outside Notify, and reuse it`
	resp, err := rc.Post(url, "application/json", []byte(`{}`))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// NotifyOnce uses cleanhttp's one-shot client, whose transport disables
// keep-alives: the author chose a connection per request, nothing leaks.
// DisableKeepAlives is set on the transport after DefaultPooledTransport
// built it; the builder fact carries it (one-shot).
func NotifyOnce(url string) error {
	hc := cleanhttp.DefaultClient()
	resp, err := hc.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// signer adds a header to every outgoing request; RoundTrip runs once
// per request.
type signer struct {
	base http.RoundTripper
}

func (s *signer) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Signed", "1")
	return s.base.RoundTrip(req)
}

type badSigner struct{}

func (badSigner) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Signed", "1")
	return cleanhttp.DefaultPooledTransport().RoundTrip(req) // want `cleanhttp.DefaultPooledTransport builds a new http.Transport on every call, here per outgoing request in round tripper badSigner.RoundTrip; build it once and reuse it`
}

// Clients wraps the signers around pools built once.
func Clients() []*http.Client {
	return []*http.Client{
		{Transport: &signer{base: cleanhttp.DefaultPooledTransport()}},
		{Transport: badSigner{}},
	}
}
