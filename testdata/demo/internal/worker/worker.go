// Package worker polls a queue and delivers jobs over HTTP.
package worker

import (
	"context"
	"io"
	"net/http"
	"time"
)

type Worker struct {
	Queue  <-chan string
	client *http.Client
}

// New builds a worker with one pool for its whole life.
func New(queue <-chan string) *Worker {
	return &Worker{Queue: queue, client: &http.Client{Timeout: 30 * time.Second}}
}

// RunLeaky builds a transport for every job it delivers.
func (w *Worker) RunLeaky(ctx context.Context) {
	for url := range w.Queue {
		t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per iteration of a loop; build it once before the loop and reuse it`
		t.DisableCompression = true
		t.MaxIdleConnsPerHost = 8
		c := &http.Client{Transport: t, Timeout: 30 * time.Second}
		deliver(ctx, c, url)
	}
}

// Run reuses the worker's client.
func (w *Worker) Run(ctx context.Context) {
	for url := range w.Queue {
		deliver(ctx, w.client, url)
	}
}

func deliver(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Ping checks that url answers. http.Get uses http.DefaultClient, which
// has no timeout: a stuck server blocks the worker forever.
func Ping(url string) error {
	resp, err := http.Get(url) // want `http.Get`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Status reports the status of url. On a non-200 answer it returns
// without closing the body, and the connection leaks.
func (w *Worker) Status(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := w.client.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}
