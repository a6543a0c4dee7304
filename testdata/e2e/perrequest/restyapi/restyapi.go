// Package restyapi calls out with the real go-resty/resty/v2. resty.New
// builds its transport through createClient, whose nil check is on a
// field of its parameter: a default, not a cache, so every New is a new
// pool.
package restyapi

import (
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

type API struct {
	rc *resty.Client
}

// NewAPI builds the resty client once and keeps it: the builder chain
// (SetTimeout returns its receiver) hands the same client on.
func NewAPI() *API {
	return &API{rc: resty.New().SetTimeout(10 * time.Second)}
}

func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/bad", a.bad)
	mux.HandleFunc("/good", a.good)
}

func (a *API) bad(w http.ResponseWriter, r *http.Request) {
	rc := resty.New() // want `resty.New builds a new http.Transport on every call, here per request in handler \(\*API\).bad; build it once and reuse it`
	rc.R().SetContext(r.Context()).Get("https://example.com")
}

func (a *API) good(w http.ResponseWriter, r *http.Request) {
	a.rc.R().SetContext(r.Context()).Get("https://example.com")
}

// Fetch builds a client, sends one request and drops the client: every
// call pays the handshakes.
func (a *API) Fetch(url string) (*resty.Response, error) {
	return resty.New().R().Get(url) // want `resty.New builds a new http.Transport per call of \(\*API\).Fetch, dropped after use; build it once in the constructor, keep it in a struct field, and reuse it`
}

// FetchShared sends through the client the API keeps.
func (a *API) FetchShared(url string) (*resty.Response, error) {
	return a.rc.R().Get(url)
}
