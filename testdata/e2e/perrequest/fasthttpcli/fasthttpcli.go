// Package fasthttpcli serves and calls out with the real valyala/fasthttp:
// a fasthttp.Client keeps a pool of connections per host.
package fasthttpcli

import (
	"github.com/valyala/fasthttp"
)

// Built once, when the package is initialised.
var client = &fasthttp.Client{MaxConnsPerHost: 64}

func bad(ctx *fasthttp.RequestCtx) {
	c := &fasthttp.Client{} // want `fasthttp.Client created per request in fasthttp handler bad; build it once and reuse it`
	code, _, _ := c.Get(nil, "https://example.com")
	ctx.SetStatusCode(code)
}

func badHost(ctx *fasthttp.RequestCtx) {
	hc := &fasthttp.HostClient{Addr: "example.com:443", IsTLS: true} // want `fasthttp.HostClient created per request in fasthttp handler badHost`
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI("https://example.com/")
	hc.Do(req, resp)
}

func good(ctx *fasthttp.RequestCtx) {
	code, _, _ := client.Get(nil, "https://example.com")
	ctx.SetStatusCode(code)
}

// Serve registers the handlers.
func Serve() error {
	return fasthttp.ListenAndServe(":8080", func(ctx *fasthttp.RequestCtx) {
		switch string(ctx.Path()) {
		case "/bad":
			bad(ctx)
		case "/bad-host":
			badHost(ctx)
		default:
			good(ctx)
		}
	})
}
