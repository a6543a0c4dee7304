// Command loopitems builds pools in loops at start-up: one distinct
// pool per item is how per-target clients are made; the same pool
// rebuilt every iteration is a bug, main included.
package main

import (
	"crypto/tls"
	"net/http"
)

type target struct {
	URL string
	TLS *tls.Config
}

func load() []target { return nil }

// probe builds a pool from the item it is given. main's loop calls it
// once per item, but badProbeAll calls it per request: it runs per call.
func probe(t target) error { // want probe:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: t.TLS}} // want `http.Transport created per call of probe and dropped after use, and probe runs per request in handler badProbeAll;`
	resp, err := hc.Get(t.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func main() { // want main:`buildsPool\(http.Transport\)`
	targets := load()

	// goodPerItem: one distinct client per target, in a loop that runs once.
	for _, t := range targets {
		hc := &http.Client{Transport: &http.Transport{TLSClientConfig: t.TLS}}
		hc.Get(t.URL)
	}

	// goodPerItemHelper: a helper given each item's settings.
	for _, t := range targets {
		probe(t)
		probeOnce(t)
	}

	// goodPerItemClone: a clone configured from the item.
	for _, t := range targets {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = t.TLS
		(&http.Client{Transport: tr}).Get(t.URL)
	}

	// badSameEachTime: nothing depends on the iteration.
	for _, t := range targets {
		hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per iteration of a loop; build it once before the loop and reuse it`
		hc.Get(t.URL)
	}

	// badCloneConstant: a clone configured with constants.
	for _, t := range targets {
		tr := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per iteration of a loop`
		tr.MaxIdleConnsPerHost = 10
		(&http.Client{Transport: tr}).Get(t.URL)
	}

	// badPerItemPerRequest: the per-item loop runs on every request.
	http.HandleFunc("/probe", func(w http.ResponseWriter, r *http.Request) {
		for _, t := range targets {
			hc := &http.Client{Transport: &http.Transport{TLSClientConfig: t.TLS}} // want `http.Transport created per request in the handler for "/probe"`
			hc.Get(t.URL)
		}
	})
	http.ListenAndServe(":8080", nil)
}

// badProbeAll calls the per-item helper from a handler: the loop runs
// per request.
func badProbeAll(w http.ResponseWriter, r *http.Request) {
	for _, t := range load() {
		probe(t) // folded into probe's finding: the same pool
	}
}

// probeOnce is probe's twin reached only from main's loop: silent.
func probeOnce(t target) error { // want probeOnce:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: t.TLS}}
	resp, err := hc.Get(t.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// goodGoroutinePerItem hands each item to a goroutine: the literal's
// parameter is the item.
func goodGoroutinePerItem(targets []target) { // want goodGoroutinePerItem:`buildsPool\(http.Transport\)`
	for _, t := range targets {
		go func(t target) {
			hc := &http.Client{Transport: &http.Transport{TLSClientConfig: t.TLS}}
			hc.Get(t.URL)
		}(t)
	}
}
