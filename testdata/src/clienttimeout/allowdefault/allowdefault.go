// Package allowdefault is run with -allow='default,*Poller': the
// default list, extended.
package allowdefault

import "net/http"

type Poller struct{ c *http.Client }

type Fetcher struct{ c *http.Client }

func newPoller() *Poller { return &Poller{c: &http.Client{}} }

func newFetcher() *Fetcher {
	return &Fetcher{c: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

func watchClient() *http.Client { return &http.Client{} }

func lookupClient() *http.Client {
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}
