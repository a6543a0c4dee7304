// Package httphandler covers net/http handler roots: functions, methods,
// ServeHTTP, and literals registered with HandleFunc, Handle and
// HandlerFunc, plus a chi router.
package httphandler

import (
	"net/http"
	"net/http/httputil"
	"time"

	"github.com/go-chi/chi/v5"
)

type Server struct {
	client    *http.Client
	transport *http.Transport
}

func badHandlerFunc(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in handler badHandlerFunc; build it once and reuse it`
	client.Get("https://example.com")
}

func goodHandlerFuncNilTransport(w http.ResponseWriter, r *http.Request) {
	// A nil Transport shares http.DefaultTransport: not a new pool.
	client := &http.Client{Timeout: 5 * time.Second}
	client.Get("https://example.com")
	// The standard library is not analysed: DumpRequestOut's private,
	// pipe-backed transport holds no sockets.
	httputil.DumpRequestOut(r, false)
}

func (s *Server) badMethod(w http.ResponseWriter, r *http.Request) {
	t := new(http.Transport) // want `http.Transport created per request in handler \(\*Server\).badMethod`
	c := http.Client{Transport: t}
	c.Get("https://example.com")
}

func (s *Server) goodMethodSharedClient(w http.ResponseWriter, r *http.Request) {
	s.client.Get("https://example.com")
	c := &http.Client{Transport: s.transport, Timeout: time.Second} // reuses a pool
	c.Get("https://example.com")
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per request in handler \(\*Server\).ServeHTTP`
	t.MaxIdleConnsPerHost = 10
	(&http.Client{Transport: t}).Get("https://example.com")
}

type copier struct{ base *http.Transport }

func (c copier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := *c.base // want `http.Transport copied by value per request in handler copier.ServeHTTP`
	t.MaxIdleConns = 5
	(&http.Client{Transport: &t}).Get("https://example.com")
}

type goodReader struct{ base *http.Transport }

func (c goodReader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Reading fields through a pointer is not a copy.
	_ = (*c.base).MaxIdleConns
	_ = c.base.IdleConnTimeout
}

func register(mux *http.ServeMux, s *Server) { // want register:`buildsPool\(http.Transport\)`
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `http.Transport created per request in the handler for "/upload"`
		c.Get("https://example.com")
	})
	mux.Handle("/other", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in an HTTP handler literal`
		c.Get("https://example.com")
	}))
	mux.Handle("/server", s)

	// Built once while registering: the literal below only uses it.
	shared := &http.Client{Transport: &http.Transport{}}
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) {
		shared.Get("https://example.com")
	})

	r := chi.NewRouter()
	r.Get("/chi", func(w http.ResponseWriter, r *http.Request) {
		_ = &http.Transport{} // want `http.Transport created per request in the handler for "/chi"`
	})
	r.Post("/chi-good", func(w http.ResponseWriter, r *http.Request) {
		shared.Get("https://example.com")
	})
}

// Middleware: the constructor runs once; the handler it returns runs
// per request.
func withClient(next http.Handler) http.Handler { // want withClient:`buildsPool\(http.Transport\)`
	client := &http.Client{Transport: &http.Transport{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client.Get("https://example.com")
		perReq := &http.Transport{} // want `http.Transport created per request in an HTTP handler literal`
		_ = perReq
		next.ServeHTTP(w, r)
	})
}

func badGoroutine(w http.ResponseWriter, r *http.Request) {
	go func() {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in handler badGoroutine \(in a goroutine it starts\)`
		c.Get("https://example.com")
	}()
}

// Not a handler: a function that takes only a request.
func goodNotHandler(r *http.Request) *http.Transport { // want goodNotHandler:`buildsPool\(http.Transport, returned\)`
	return &http.Transport{}
}
