// Package pkgclient: a package-level client with no Timeout that sends
// requests in the package is reported, even when it is also handed on.
package pkgclient

import "net/http"

var transport = http.DefaultTransport

// register is set by the program: a dynamic call the analyzer cannot
// follow.
var register func(*http.Client)

var api = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`

var handedOn = &http.Client{Transport: transport}

func init() {
	register(api)
	register(handedOn) // configured by the registry's owner, never used here
}

func Ping() error {
	resp, err := api.Get("https://api.example.com/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
