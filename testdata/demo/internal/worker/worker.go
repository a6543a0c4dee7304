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
