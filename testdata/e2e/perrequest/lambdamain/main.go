// Command lambdamain is a Lambda function using the real aws-lambda-go.
package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ URL string }

var shared = &http.Client{Transport: &http.Transport{}}

func handle(ctx context.Context, ev Event) (string, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per Lambda invocation in handler handle; build it once at init, outside the handler, and reuse it`
	resp, err := c.Get(ev.URL)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func goodHandle(ctx context.Context, ev Event) (string, error) {
	resp, err := shared.Get(ev.URL)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func main() {
	if false {
		lambda.Start(goodHandle)
	}
	lambda.Start(handle)
}
