// want package:"hasPoolBuilders"

// Package helpers calls builders in its own package and in another,
// from handlers and from start-up code.
package helpers

import (
	"net/http"

	"perrequest/helpers/lib"
)

type Server struct{ client *http.Client }

func badCrossPackage(w http.ResponseWriter, r *http.Request) {
	c := lib.NewClient() // want `lib.NewClient builds a new http.Transport on every call, here per request in handler badCrossPackage`
	c.Get("https://example.com")
}

func badCrossPackageDrop(w http.ResponseWriter, r *http.Request) {
	lib.Fetch("https://example.com") // want `lib.Fetch builds a new http.Transport on every call`
}

func goodCrossPackage(w http.ResponseWriter, r *http.Request) {
	lib.Get("https://example.com")
	lib.Plain().Get("https://example.com")
}

func build() *http.Client { // want build:`buildsPool\(http.Transport, returned\)`
	return wrap(lib.NewClient())
}

func wrap(c *http.Client) *http.Client { return c }

func (s *Server) badTransitive(w http.ResponseWriter, r *http.Request) {
	c := build() // want `build builds a new http.Transport on every call, here per request in handler \(\*Server\).badTransitive`
	c.Get("https://example.com")
}

// NewServer is a constructor that runs once, from main.
func NewServer() *Server { // want NewServer:`buildsPool\(http.Transport, returned\)`
	return &Server{client: build()}
}

func (s *Server) good(w http.ResponseWriter, r *http.Request) {
	s.client.Get("https://example.com")
}

func main() { // want main:`buildsPool\(http.Transport\)`
	s := NewServer()
	http.HandleFunc("/good", s.good)
	http.ListenAndServe(":8080", nil)
}
