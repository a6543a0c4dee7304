// Package frameworks covers handler roots recognised by parameter type.
package frameworks

import (
	"context"
	"net/http"

	"connectrpc.com/connect"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/valyala/fasthttp"
)

var shared = &http.Client{Transport: &http.Transport{}}

func badGin(c *gin.Context) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in gin handler badGin`
}

func goodGin(c *gin.Context) {
	shared.Get("https://example.com")
}

func badEcho(c echo.Context) error {
	_ = &http.Transport{} // want `http.Transport created per request in echo handler badEcho`
	return nil
}

func goodEcho(c echo.Context) error {
	_, err := shared.Get("https://example.com")
	return err
}

func badFiber(c *fiber.Ctx) error {
	_ = &http.Transport{} // want `http.Transport created per request in fiber handler badFiber`
	return nil
}

func goodFiber(c *fiber.Ctx) error { return c.SendString("ok") }

func badFasthttp(ctx *fasthttp.RequestCtx) {
	_ = &http.Transport{} // want `http.Transport created per request in fasthttp handler badFasthttp`
}

func goodFasthttp(ctx *fasthttp.RequestCtx) { shared.Get("https://example.com") }

func routes() {
	r := gin.Default()
	r.GET("/x", func(c *gin.Context) {
		_ = &http.Transport{} // want `http.Transport created per request in a gin handler literal`
	})
	r.GET("/y", goodGin)
}

type GreetRequest struct{}
type GreetResponse struct{}

type greeter struct{ client *http.Client }

// A connect-go handler: the request parameter makes it per request.
func (g *greeter) Greet(ctx context.Context, req *connect.Request[GreetRequest]) (*connect.Response[GreetResponse], error) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in connect handler \(\*greeter\).Greet`
	return connect.NewResponse(&GreetResponse{}), nil
}

func (g *greeter) GoodGreet(ctx context.Context, req *connect.Request[GreetRequest]) (*connect.Response[GreetResponse], error) {
	g.client.Get("https://example.com")
	return connect.NewResponse(&GreetResponse{}), nil
}
