// Package lib is a library whose builders other packages call.
package lib // want package:"hasPoolBuilders"

import "net/http"

// NewClient builds a client with its own pool on every call.
func NewClient() *http.Client { // want NewClient:`buildsPool\(http.Transport, returned\)`
	return &http.Client{Transport: newTransport()}
}

func newTransport() *http.Transport { // want newTransport:`buildsPool\(http.Transport, returned\)`
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// Fetch builds and drops a pool on every call.
func Fetch(url string) error { // want Fetch:`buildsPool\(http.Transport\)`
	c := &http.Client{Transport: &http.Transport{}}
	_, err := c.Get(url)
	return err
}

var shared = &http.Client{Transport: &http.Transport{}}

// Get uses a shared pool: not a builder.
func Get(url string) error {
	_, err := shared.Get(url)
	return err
}

// Plain builds a client with a nil Transport: not a builder.
func Plain() *http.Client { return &http.Client{} }
