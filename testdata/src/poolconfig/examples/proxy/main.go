// Command proxy is an example program (corpus: go-teams-notify's
// examples/*/proxy): run by hand, interruptible, so the dial and TLS
// handshake timeouts are not reported; a dropped Proxy still is.
package main

import (
	"net/http"
	"net/url"
)

func client() *http.Client { return &http.Client{} }

func main() {
	u, _ := url.Parse("http://proxy.example.com:3128")
	c := client()
	c.Transport = &http.Transport{Proxy: http.ProxyURL(u)}
	_, _ = c.Get("https://example.com")

	d := client()
	d.Transport = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	_, _ = d.Get("https://example.com")
}
