// want package:"hasPoolBuilders"

// Package reconciler covers controller-runtime reconciler roots: a type
// whose Reconcile has reconcile.Reconciler's types (plain, typed, or
// object reconcilers), and functions converted to reconcile.Func.
package reconciler

import (
	"context"
	"net/http"
	"time"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type BadReconciler struct{ endpoint string }

func (r *BadReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	hc := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second} // want `http.Transport created per reconcile in reconciler \(\*BadReconciler\).Reconcile; build it once and reuse it`
	hc.Get(r.endpoint + "/" + req.Name)
	return ctrl.Result{}, nil
}

// GoodReconciler keeps the client its constructor built.
type GoodReconciler struct {
	endpoint string
	hc       *http.Client
}

func NewGoodReconciler(endpoint string) *GoodReconciler { // want NewGoodReconciler:`buildsPool\(http.Transport, returned\)`
	return &GoodReconciler{endpoint: endpoint, hc: &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}}
}

func (r *GoodReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	r.hc.Get(r.endpoint + "/" + req.Name)
	return ctrl.Result{}, nil
}

// A typed reconciler, given to a typed builder.
type clusterRequest struct{ cluster, name string }

type badTypedReconciler struct{}

func (badTypedReconciler) Reconcile(ctx context.Context, req clusterRequest) (reconcile.Result, error) {
	_ = &http.Client{Transport: new(http.Transport)} // want `http.Transport created per reconcile in reconciler badTypedReconciler.Reconcile`
	return reconcile.Result{}, nil
}

// lookalike has a Reconcile method whose result is not reconcile.Result:
// not a reconciler.
type lookalike struct{ t *http.Transport }

type result struct{}

func (l *lookalike) Reconcile(ctx context.Context, req ctrl.Request) (result, error) { // want Reconcile:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
	return result{}, nil
}

func setup(mgr ctrl.Manager) error { // want setup:`buildsPool\(http.Transport\)`
	if err := ctrl.NewControllerManagedBy(mgr).Complete(&BadReconciler{}); err != nil {
		return err
	}
	if err := builder.TypedControllerManagedBy[clusterRequest](mgr).Complete(badTypedReconciler{}); err != nil {
		return err
	}
	shared := &http.Client{Transport: &http.Transport{}}
	if err := builder.ControllerManagedBy(mgr).Complete(reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
		shared.Get("https://example.com/" + req.Name)
		return reconcile.Result{}, nil
	})); err != nil {
		return err
	}
	return builder.ControllerManagedBy(mgr).Complete(reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
		(&http.Client{Transport: &http.Transport{}}).Get("https://example.com/" + req.Name) // want `http.Transport created per reconcile in a reconciler literal`
		return reconcile.Result{}, nil
	}))
}
