// want package:"hasPoolBuilders"

// Command percallmain builds pools in code that runs once.
package main

import (
	"net/http"
	"os"
)

type app struct{ base string }

// check runs once, from main: silent.
func (a *app) check() error { // want check:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	resp, err := hc.Get(a.base)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// setup is reached only from main and init.
func setup() { // want setup:`buildsPool\(http.Transport\)`
	(&http.Client{Transport: &http.Transport{}}).Get("https://example.com")
}

func init() { // want init:`buildsPool\(http.Transport\)`
	(&http.Client{Transport: &http.Transport{}}).Get("https://example.com")
	setup()
}

var _ = warm()

func warm() bool { // want warm:`buildsPool\(http.Transport\)`
	_, err := (&http.Client{Transport: &http.Transport{}}).Get("https://example.com")
	return err == nil
}

// Poll is exported, but package main is no library: reached from a
// handler, it runs per request (reported there), from main once.
func Poll(url string) { // want Poll:`buildsPool\(http.Transport\)`
	(&http.Client{Transport: &http.Transport{}}).Get(url) // want `http.Transport created per call of Poll and dropped after use, and Poll runs per request in handler handle;`
}

func handle(w http.ResponseWriter, r *http.Request) {
	Poll("https://example.com") // folded into Poll's finding: the same pool
}

func main() { // want main:`buildsPool\(http.Transport\)`
	a := &app{base: os.Args[1]}
	if err := a.check(); err != nil {
		os.Exit(1)
	}
	setup()
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}
