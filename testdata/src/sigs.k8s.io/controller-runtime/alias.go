// Package controllerruntime is a minimal stub of
// sigs.k8s.io/controller-runtime's aliases.
package controllerruntime

import (
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Request = reconcile.Request

type Result = reconcile.Result

type Manager = manager.Manager

var NewControllerManagedBy = builder.ControllerManagedBy
