// Package pooluse fans out through clients built in another package:
// it does not import net/http, and learns their pools from facts.
package pooluse

import (
	"poolsize/poollib"
)

const api = "https://api.example.com/v1/"

func badImportedHelper() {
	c := poollib.NewClient()
	for range 16 {
		go c.Get(api + "ping") // want `up to 16 concurrent requests to one host \(16 goroutines started in a loop\) share http.DefaultTransport \(from poollib.NewClient\), which keeps 2 idle connections per host`
	}
}

func goodImportedSized() {
	c := poollib.NewPooledClient()
	for range 16 {
		go c.Get(api + "ping")
	}
}

func badImportedVar() {
	for range 16 {
		go poollib.Shared.Get(api + "ping") // want `share http.DefaultTransport \(from poollib.Shared\)`
	}
}

func goodImportedWrapped() {
	c := poollib.Wrap(poollib.NewClient())
	for range 16 {
		go c.Get(api + "ping")
	}
}
