// Package client is a minimal stub of
// sigs.k8s.io/controller-runtime/pkg/client.
package client

type Object interface {
	GetName() string
	GetNamespace() string
}

type Client interface {
	Get(ctx any, key any, obj Object) error
}
