// Command notifier is an AWS Lambda function that forwards events to a
// webhook.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	Webhook string `json:"webhook"`
	Body    string `json:"body"`
}

// webhook is built once per cold start and reused by warm invocations.
var webhook = &http.Client{Timeout: 10 * time.Second}

func handle(ctx context.Context, ev Event) error {
	// A new pool per invocation: a warm Lambda keeps every one of them
	// and runs into its 1024 file descriptors.
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per Lambda invocation in handler handle; build it once at init, outside the handler, and reuse it`
	t.MaxIdleConnsPerHost = 16
	client := &http.Client{Transport: t, Timeout: 10 * time.Second}
	return post(ctx, client, ev)
}

func handleGood(ctx context.Context, ev Event) error {
	return post(ctx, webhook, ev)
}

func post(ctx context.Context, c *http.Client, ev Event) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ev.Webhook, bytes.NewBufferString(ev.Body))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("webhook: %s", resp.Status)
	}
	return nil
}

func main() {
	if webhook.Jar != nil {
		lambda.Start(handleGood)
	}
	lambda.Start(handle)
}
