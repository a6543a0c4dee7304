package nildefault

import "net/http"

type API struct {
	Client *http.Client
}

// goodNew falls back to http.DefaultClient only when the caller passes
// nil: the Timeout is the caller's choice (reviewdog doghouse/client).
func goodNew(client *http.Client) *API {
	a := &API{Client: client}
	if a.Client == nil {
		a.Client = http.DefaultClient
	}
	return a
}

type Option struct {
	Client *http.Client
}

// goodOption: the same through an options struct (reviewdog
// doghouse/server NewGitHubClient).
func goodOption(opt *Option) *API {
	client := opt.Client
	if client == nil {
		client = http.DefaultClient
	}
	return &API{Client: client}
}

// badNoChoice: the caller cannot pass a client, so the nil check
// always picks http.DefaultClient.
func badNoChoice() *API {
	a := &API{}
	if a.Client == nil {
		a.Client = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return a
}

// badOtherTest: the condition tests something else.
func badOtherTest(client *http.Client, debug bool) *API {
	a := &API{Client: client}
	if debug {
		a.Client = http.DefaultClient // want `http.DefaultClient has no Timeout`
	}
	return a
}
