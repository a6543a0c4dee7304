// want package:"hasPoolBuilders"

// Package lookalike imports neither controller-runtime nor client-go:
// methods shaped like theirs are not roots here (the fast path), and
// their pools are only summarised as builders.
package lookalike

import (
	"context"
	"net/http"
)

type Result struct{}

type goodReconciler struct{}

func (goodReconciler) Reconcile(ctx context.Context, req string) (Result, error) { // want Reconcile:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
	return Result{}, nil
}

type goodHandler struct{}

func (goodHandler) OnAdd(obj interface{}, isInInitialList bool) { // want OnAdd:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
}
func (goodHandler) OnUpdate(oldObj, newObj interface{}) {}
func (goodHandler) OnDelete(obj interface{})            {}
