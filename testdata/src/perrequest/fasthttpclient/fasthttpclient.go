// Package fasthttpclient covers fasthttp clients: a fasthttp.Client keeps
// a pool of connections per host, and a fasthttp.HostClient is one.
package fasthttpclient

import (
	"github.com/valyala/fasthttp"
)

var shared = &fasthttp.Client{MaxConnsPerHost: 64}

func badHandler(ctx *fasthttp.RequestCtx) {
	c := &fasthttp.Client{} // want `fasthttp.Client created per request in fasthttp handler badHandler; build it once and reuse it`
	c.Get(nil, "https://example.com")
}

func badHostClient(ctx *fasthttp.RequestCtx) {
	hc := &fasthttp.HostClient{Addr: "example.com:443"} // want `fasthttp.HostClient created per request in fasthttp handler badHostClient`
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	hc.Do(req, resp)
}

func goodHandler(ctx *fasthttp.RequestCtx) {
	shared.Get(nil, "https://example.com")
}

type service struct{ hc *fasthttp.HostClient }

func newService() *service { // want newService:`buildsPool\(fasthttp.HostClient, returned\)`
	return &service{hc: &fasthttp.HostClient{Addr: "example.com:443"}}
}

func (s *service) goodHandler(ctx *fasthttp.RequestCtx) {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	s.hc.Do(req, resp)
}

func main() { // want main:`buildsPool\(fasthttp.HostClient\)`
	s := newService()
	fasthttp.ListenAndServe(":8080", s.goodHandler)
	fasthttp.ListenAndServe(":8081", badHandler)
	fasthttp.ListenAndServe(":8082", badHostClient)
	fasthttp.ListenAndServe(":8083", goodHandler)
}
