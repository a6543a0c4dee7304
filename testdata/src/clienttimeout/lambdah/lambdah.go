// Package lambdah: inside a Lambda invocation the function's timeout
// bounds every request; the same code outside a handler is reported.
package lambdah

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

func handle(ctx context.Context) error {
	resp, err := http.Get("https://api.example.com/ping")
	if err != nil {
		return err
	}
	return notify(resp)
}

// notify is reached only from the handler.
func notify(resp *http.Response) error {
	defer resp.Body.Close()
	c := &http.Client{}
	r, err := c.Post("https://hooks.example.com/", "text/plain", nil)
	if err != nil {
		return err
	}
	return r.Body.Close()
}

func main() {
	lambda.Start(handle)
	lambda.Start(func(ctx context.Context) error {
		_, err := http.Get("https://api.example.com/health")
		return err
	})
}

// badOutsideHandler is exported, so callers elsewhere reach it.
func BadOutsideHandler() error {
	resp, err := http.Get("https://api.example.com/ping") // want `^http\.Get uses http\.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client built once at init and used only by the handler.

var shared = &http.Client{}

var sharedElsewhere = &http.Client{} // want `^http\.Client literal has no Timeout`

func handleShared(ctx context.Context) error {
	resp, err := shared.Get("https://api.example.com/items")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func StartShared() { lambda.Start(handleShared) }

// Poll is exported: it may run anywhere.
func Poll() error {
	resp, err := sharedElsewhere.Get("https://api.example.com/items")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
