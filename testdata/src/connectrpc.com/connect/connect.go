// Package connect is a minimal stub of connectrpc.com/connect.
package connect

type Request[T any] struct{ Msg *T }

type Response[T any] struct{ Msg *T }

func NewResponse[T any](message *T) *Response[T] { return &Response[T]{Msg: message} }
