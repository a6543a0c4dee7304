// Package routerlib is a router of another package with fluent route
// setters, like gorilla/mux: Route.Handler stores the handler in the
// route and returns the route.
package routerlib

import "net/http"

type Router struct{ routes []*Route }

type Route struct {
	path string
	h    http.Handler
}

func NewRouter() *Router { return &Router{} }

func (r *Router) Path(p string) *Route {
	rt := &Route{path: p}
	r.routes = append(r.routes, rt)
	return rt
}

func (r *Route) Handler(h http.Handler) *Route { r.h = h; return r }

func (r *Route) GetError() error { return nil }
