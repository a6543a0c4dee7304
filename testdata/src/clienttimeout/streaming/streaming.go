// Package streaming runs with the default -allow list: clients named
// for streaming or protocol upgrades, by a whole CamelCase word of the
// function, its receiver type, the variable or field, or the struct
// type that holds the field, need no Timeout.
package streaming

import (
	"context"
	"io"
	"net/http"
)

var transport = http.DefaultTransport

// The function's name.

func goodWatchPods() *http.Client { return &http.Client{Transport: transport} }

func badWatchdogClient() *http.Client {
	return &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
}

func goodNewSPDYExecutor() *http.Client { return new(http.Client) }

func badExecuteClient() *http.Client {
	return new(http.Client) // want `^new\(http\.Client\) has no Timeout`
}

func goodOpenWebsocket() *http.Client { return &http.Client{} }

func goodEventSource() *http.Client { return &http.Client{} }

func goodTailLogs(url string) (*http.Response, error) { return http.Get(url) }

func badDetails(url string) (*http.Response, error) {
	return http.Get(url) // want `^http\.Get uses http\.DefaultClient`
}

// The method's name and its receiver type, with http.DefaultClient.

type Request struct{ client *http.Client }

func (r *Request) Watch(ctx context.Context, req *http.Request) (*http.Response, error) {
	client := r.client
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}

func (r *Request) Stream(ctx context.Context, req *http.Request) (*http.Response, error) {
	client := r.client
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}

func (r *Request) badRequest(ctx context.Context, req *http.Request) (*http.Response, error) {
	client := r.client
	if client == nil {
		client = http.DefaultClient // want `^http\.DefaultClient has no Timeout`
	}
	return client.Do(req)
}

type podStreamer struct{ c *http.Client }

func (p *podStreamer) connect() { p.c = &http.Client{} }

type podLister struct{ c *http.Client }

func (p *podLister) connect() {
	p.c = &http.Client{} // want `^http\.Client literal has no Timeout`
}

// The variable, the field, the struct type that holds the field.

var eventStreamClient = &http.Client{}

var upstreamClient = &http.Client{} // want `^http\.Client literal has no Timeout`

var sseClient = http.DefaultClient

var apiClient = http.DefaultClient // want `^http\.DefaultClient has no Timeout`

type feed struct{ subscriptionClient, lookupClient *http.Client }

func newFeed() *feed {
	return &feed{
		subscriptionClient: &http.Client{},
		lookupClient:       &http.Client{}, // want `^http\.Client literal has no Timeout`
	}
}

type LongPoller struct{ c *http.Client }

type Poller struct{ c *http.Client }

func newLongPoller() *LongPoller { return &LongPoller{c: &http.Client{}} }

func newPoller() *Poller {
	return &Poller{c: &http.Client{}} // want `^http\.Client literal has no Timeout`
}

// A function's name speaks for the client only when the function hands
// a client, a response or a body on: execQuery and tailLatency use a
// client for their own requests, and their words are not evidence.

func execQuery(u string) error {
	resp, err := http.Get(u) // want `^http\.Get uses http\.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func tailLatency(u string) error {
	c := &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodWatchBody(u string) (io.ReadCloser, error) {
	c := &http.Client{Transport: transport}
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}
