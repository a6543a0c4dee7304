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
