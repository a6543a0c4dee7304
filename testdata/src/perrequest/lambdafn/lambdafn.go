// Package lambdafn covers every form lambda.Start* and lambda.NewHandler*
// accept: a function, a literal, a method value, a factory's closure, a
// handler type's Invoke, a generic StartHandlerFunc, and a wrapper.
package lambdafn

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ URL string }

// Built once per cold start: silent.
var shared = &http.Client{Transport: &http.Transport{}}

func HandleEvent(ctx context.Context, ev Event) (string, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per Lambda invocation in handler HandleEvent; build it once at init, outside the handler, and reuse it`
	_, err := c.Get(ev.URL)
	return "", err
}

func goodHandleEvent(ctx context.Context, ev Event) (string, error) {
	_, err := shared.Get(ev.URL)
	return "", err
}

type app struct{ client *http.Client }

func (a *app) handle(ctx context.Context, ev Event) error {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per Lambda invocation in handler \(\*app\).handle`
	_ = &http.Client{Transport: t}
	return nil
}

// makeHandler is a factory: its body runs once, the closure per invocation.
func makeHandler(base string) func(context.Context, Event) error { // want makeHandler:`buildsPool\(http.Transport\)`
	client := &http.Client{Transport: &http.Transport{}}
	return func(ctx context.Context, ev Event) error {
		_ = &http.Transport{} // want `http.Transport created per Lambda invocation in a handler literal`
		_, err := client.Get(base + ev.URL)
		return err
	}
}

type invoker struct{}

func (invoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	_ = new(http.Transport) // want `http.Transport created per Lambda invocation in handler invoker.Invoke`
	return nil, nil
}

func generic(ctx context.Context, ev Event) (string, error) {
	_ = &http.Transport{} // want `http.Transport created per Lambda invocation in handler generic`
	return "", nil
}

func wrapped(ctx context.Context, ev Event) error {
	_ = &http.Transport{} // want `http.Transport created per Lambda invocation in handler wrapped`
	return nil
}

// instrument mimics otellambda.InstrumentHandler: a wrapper from
// "elsewhere" is modelled by a function without a body in this package.
var instrument func(h interface{}) interface{}

func main() { // want main:`buildsPool\(http.Transport\)`
	lambda.Start(HandleEvent)
	lambda.Start(func(ctx context.Context, ev Event) error {
		_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per Lambda invocation in a handler literal`
		return nil
	})
	a := &app{}
	lambda.StartWithOptions(a.handle)
	lambda.Start(makeHandler("https://example.com"))
	lambda.StartHandler(invoker{})
	lambda.StartHandlerFunc(generic)
	lambda.Start(lambda.NewHandler(wrapped))
	h := goodHandleEvent
	lambda.Start(h)
}
