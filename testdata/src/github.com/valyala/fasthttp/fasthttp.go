// Package fasthttp is a minimal stub of github.com/valyala/fasthttp.
package fasthttp

type RequestCtx struct{}

type RequestHandler func(ctx *RequestCtx)

func ListenAndServe(addr string, handler RequestHandler) error { return nil }

type Request struct{}

type Response struct{}

func AcquireRequest() *Request { return &Request{} }

func AcquireResponse() *Response { return &Response{} }

func (req *Request) SetRequestURI(requestURI string) {}

// Client keeps a HostClient, a pool of connections, per host.
type Client struct {
	Name            string
	MaxConnsPerHost int
}

func (c *Client) Do(req *Request, resp *Response) error { return nil }

func (c *Client) Get(dst []byte, url string) (statusCode int, body []byte, err error) {
	return 0, nil, nil
}

func (c *Client) CloseIdleConnections() {}

// HostClient is a pool of connections to one host.
type HostClient struct {
	Addr     string
	MaxConns int
}

func (c *HostClient) Do(req *Request, resp *Response) error { return nil }

func (c *HostClient) CloseIdleConnections() {}
