// Package allow is run with -allow='stream*,*Events,allow.Watcher,newUpgrader'.
package allow

import "net/http"

var streamClient = &http.Client{}

var apiClient = &http.Client{} // want `^http\.Client literal has no Timeout`

type Watcher struct{ c *http.Client }

type Poller struct{ c *http.Client }

func NewWatcher() *Watcher { return &Watcher{c: &http.Client{}} }

func NewPoller() *Poller { return &Poller{c: &http.Client{}} } // want `^http\.Client literal has no Timeout`

type feed struct{ liveEvents, lookups *http.Client }

func newFeed() *feed {
	return &feed{
		liveEvents: &http.Client{},
		lookups:    &http.Client{}, // want `^http\.Client literal has no Timeout`
	}
}

func newUpgrader() *http.Client { return &http.Client{} }

func newDownloader() *http.Client { return &http.Client{} } // want `^http\.Client literal has no Timeout`

// The list replaces the default one: Watch is no longer allowed.
func Watch() *http.Client {
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}

// A pattern also matches a run of CamelCase words, without case.
var liveStreamClient = &http.Client{}

var upstreamClient = &http.Client{} // want `^http\.Client literal has no Timeout`
