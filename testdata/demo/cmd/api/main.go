// Command api is the shop's public API.
package main

import (
	"io"
	"log"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"example.com/demo/internal/storage"
)

type server struct {
	store  *storage.Client // built once in main: good
	client *http.Client
}

// upload builds a storage client, and so a connection pool, on every
// request: a TLS handshake per upload, and idle sockets left behind.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	store := storage.NewClient("https://objects.internal") // want `storage.NewClient builds a new http.Transport on every call, here per request in handler \(\*server\).upload`
	if err := store.Put(r.Context(), chi.URLParam(r, "key"), r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

// uploadGood uses the client built once in main.
func (s *server) uploadGood(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Put(r.Context(), chi.URLParam(r, "key"), r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Put("/v1/objects/{key}", s.upload)
	r.Put("/v2/objects/{key}", s.uploadGood)
	r.Get("/v1/price", func(w http.ResponseWriter, r *http.Request) {
		// A pool per request, with a custom dial timeout.
		t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per request in the handler for "/v1/price"`
		t.ResponseHeaderTimeout = 2 * time.Second
		t.MaxIdleConnsPerHost = 32
		c := &http.Client{Transport: t, Timeout: 5 * time.Second}
		resp, err := c.Get("https://pricing.internal/v1/price")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	r.Get("/v2/price", func(w http.ResponseWriter, r *http.Request) {
		// The shared client: one pool for the process.
		resp, err := s.client.Get("https://pricing.internal/v1/price")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	return r
}

func main() {
	s := &server{
		store: storage.NewClient("https://objects.internal"),
		// Built once, but from scratch: HTTP_PROXY is ignored (the
		// client's Timeout bounds the dial and the TLS handshake).
		client: &http.Client{
			Transport: &http.Transport{MaxIdleConnsPerHost: 64}, // want `http.Transport literal drops DefaultTransport's Proxy`
			Timeout:   5 * time.Second,
		},
	}
	log.Fatal(http.ListenAndServe(":8080", s.routes()))
}
