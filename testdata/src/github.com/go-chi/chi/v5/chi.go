// Package chi is a minimal stub of github.com/go-chi/chi/v5.
package chi

import "net/http"

type Mux struct{}

func NewRouter() *Mux                                           { return &Mux{} }
func (m *Mux) Get(pattern string, h http.HandlerFunc)           {}
func (m *Mux) Post(pattern string, h http.HandlerFunc)          {}
func (m *Mux) Handle(pattern string, h http.Handler)            {}
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
