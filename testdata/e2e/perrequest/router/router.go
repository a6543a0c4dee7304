// Package router serves HTTP with the real chi router.
package router

import (
	"net/http"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/e2e/perrequest/upstream"
)

type API struct {
	client *http.Client
	once   sync.Once
	lazy   *http.Client
}

func NewAPI() *API {
	return &API{client: upstream.New()}
}

func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/bad", func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `http.Transport created per request in the handler for "/bad"; build it once and reuse it`
		c.Get("https://example.com")
	})
	r.Get("/bad-helper", a.badHelper)
	r.Get("/good", a.good)
	r.Get("/good-once", a.goodOnce)
	return r
}

func (a *API) badHelper(w http.ResponseWriter, r *http.Request) {
	upstream.New().Get("https://example.com") // want `upstream.New builds a new http.Transport on every call, here per request in handler \(\*API\).badHelper`
}

func (a *API) good(w http.ResponseWriter, r *http.Request) {
	a.client.Get("https://example.com")
	plain := &http.Client{Timeout: time.Second} // nil Transport: shares DefaultTransport
	plain.Get("https://example.com")
}

func (a *API) goodOnce(w http.ResponseWriter, r *http.Request) {
	a.once.Do(func() { a.lazy = upstream.New() })
	a.lazy.Get("https://example.com")
}

// Poll builds a pool on every iteration.
func Poll(urls []string) {
	for _, u := range urls {
		t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per iteration of a loop; build it once before the loop and reuse it`
		(&http.Client{Transport: t}).Get(u)
	}
}
