// want package:"hasPoolBuilders"

// Package informer covers client-go informer event handler roots:
// functions in cache.ResourceEventHandlerFuncs and its variants, and the
// methods of a type that implements cache.ResourceEventHandler.
package informer

import (
	"net/http"

	"k8s.io/client-go/tools/cache"
)

type Controller struct {
	hc      *http.Client
	webhook string
}

func (c *Controller) badOnAdd(obj interface{}) {
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per event in informer event handler \(\*Controller\).badOnAdd; build it once and reuse it`
	hc.Post(c.webhook, "application/json", nil)
}

func (c *Controller) goodOnUpdate(oldObj, newObj interface{}) {
	c.hc.Post(c.webhook, "application/json", nil)
}

// goodHelper has a handler's shape but is never given to an informer.
func (c *Controller) goodHelper(obj interface{}) { // want goodHelper:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
}

func (c *Controller) Register(inf cache.SharedIndexInformer) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    c.badOnAdd,
		UpdateFunc: c.goodOnUpdate,
		DeleteFunc: func(obj interface{}) {
			t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per event in an informer event handler literal`
			(&http.Client{Transport: t}).Post(c.webhook, "application/json", nil)
		},
	})
	inf.AddEventHandler(cache.ResourceEventHandlerDetailedFuncs{
		AddFunc: func(obj interface{}, isInInitialList bool) {
			c.hc.Post(c.webhook, "application/json", nil)
		},
	})
}

// badHandler implements cache.ResourceEventHandler.
type badHandler struct{ webhook string }

func (h *badHandler) OnAdd(obj interface{}, isInInitialList bool) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per event in informer event handler \(\*badHandler\).OnAdd`
}
func (h *badHandler) OnUpdate(oldObj, newObj interface{}) {}
func (h *badHandler) OnDelete(obj interface{})            {}

// goodNotHandler has OnAdd and OnUpdate but no OnDelete: it does not
// implement the interface.
type goodNotHandler struct{}

func (goodNotHandler) OnAdd(obj interface{}, isInInitialList bool) { // want OnAdd:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
}
func (goodNotHandler) OnUpdate(oldObj, newObj interface{}) {}

// A typed handler: TypedResourceEventHandler[*pod].
type pod struct{ name, namespace string }

func (p *pod) GetName() string      { return p.name }
func (p *pod) GetNamespace() string { return p.namespace }

type badTypedHandler struct{}

func (badTypedHandler) OnAdd(obj *pod, isInInitialList bool) {}
func (badTypedHandler) OnUpdate(oldObj, newObj *pod) {
	_ = new(http.Transport) // want `http.Transport created per event in informer event handler badTypedHandler.OnUpdate`
}
func (badTypedHandler) OnDelete(obj cache.DeletedObject[*pod]) {}

// goodMixedHandler's methods disagree on the object type: it implements
// neither interface.
type goodMixedHandler struct{}

func (goodMixedHandler) OnAdd(obj *pod, isInInitialList bool) {}
func (goodMixedHandler) OnUpdate(oldObj, newObj *pod) { // want OnUpdate:`buildsPool\(http.Transport\)`
	_ = new(http.Transport)
}
func (goodMixedHandler) OnDelete(obj interface{}) {}

var _ = cache.TypedResourceEventHandlerFuncs[*pod]{
	AddFunc: func(obj *pod) {
		_ = &http.Transport{} // want `http.Transport created per event in an informer event handler literal`
	},
}

// A generic handler type (cert-manager's blockingEventHandler[T]).
type badGenericHandler[T any] struct{ queue []T }

func (h *badGenericHandler[T]) OnAdd(obj any, isInInitialList bool) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per event in informer event handler \(\*badGenericHandler\).OnAdd`
}
func (h *badGenericHandler[T]) OnUpdate(oldObj, newObj any) {}
func (h *badGenericHandler[T]) OnDelete(obj any)            {}
