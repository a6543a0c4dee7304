// Package builder is a minimal stub of
// sigs.k8s.io/controller-runtime/pkg/builder (v0.25).
package builder

import (
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Builder = TypedBuilder[reconcile.Request]

type TypedBuilder[request comparable] struct{}

func ControllerManagedBy(m manager.Manager) *Builder { return nil }

func TypedControllerManagedBy[request comparable](m manager.Manager) *TypedBuilder[request] {
	return nil
}

func (blder *TypedBuilder[request]) For(object client.Object) *TypedBuilder[request] { return blder }

func (blder *TypedBuilder[request]) Complete(r reconcile.TypedReconciler[request]) error { return nil }
