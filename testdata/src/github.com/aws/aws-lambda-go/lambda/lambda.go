// Package lambda is a minimal stub of github.com/aws/aws-lambda-go/lambda:
// only the signatures poollint matches.
package lambda

import "context"

type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

type Option func(*handlerOptions)

type handlerOptions struct{}

type HandlerFunc[TIn, TOut any] interface {
	func(context.Context, TIn) (TOut, error)
}

func Start(handler interface{})                                          {}
func StartWithOptions(handler interface{}, options ...Option)            {}
func StartWithContext(ctx context.Context, handler interface{})          {}
func StartHandler(handler Handler)                                       {}
func StartHandlerWithContext(ctx context.Context, handler Handler)       {}
func NewHandler(handlerFunc interface{}) Handler                         { return nil }
func NewHandlerWithOptions(handlerFunc interface{}, o ...Option) Handler { return nil }

func StartHandlerFunc[TIn any, TOut any, H HandlerFunc[TIn, TOut]](handler H, options ...Option) {}
