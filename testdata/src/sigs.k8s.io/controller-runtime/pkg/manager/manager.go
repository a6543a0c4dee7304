// Package manager is a minimal stub of
// sigs.k8s.io/controller-runtime/pkg/manager.
package manager

import "sigs.k8s.io/controller-runtime/pkg/client"

type Manager interface {
	GetClient() client.Client
}
