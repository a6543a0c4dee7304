// want package:"hasPoolBuilders"

// Package perobject builds pools in methods that run once per object:
// called only from the object's constructor, directly or as its
// background goroutine. What they build and drop is built once per
// object; a per-request caller of the constructor is still reported.
package perobject

import (
	"net/http"
	"sync"
	"time"
)

// Server reads its region once while it is built (corpus:
// aws-iam-authenticator's (*Server).getHandler, called only from New).
type Server struct {
	region string
	h      http.Handler
}

func New(url string) *Server { // want New:`buildsPool\(http.Transport, returned\)`
	s := &Server{}
	s.h = s.setup(url)
	return s
}

// setup runs once per Server: silent.
func (s *Server) setup(url string) http.Handler { // want setup:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	resp, err := hc.Get(url)
	if err == nil {
		s.region = resp.Header.Get("Region")
		resp.Body.Close()
	}
	return http.NotFoundHandler()
}

// refresh is also called from Refresh, a per-call method: reported.
func (s *Server) refresh(url string) { // want refresh:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `http.Transport created per call of \(\*Server\).refresh and dropped after use`
	resp, err := hc.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func NewRefreshing(url string) *Server { // want NewRefreshing:`buildsPool\(http.Transport\)`
	s := &Server{}
	s.refresh(url)
	return s
}

func (s *Server) Refresh(url string) { s.refresh(url) } // want Refresh:`buildsPool\(http.Transport\)`

// A handler that builds a Server per request pays for setup's pool on
// every request.
func badHandler(w http.ResponseWriter, r *http.Request) {
	s := New("http://metadata") // want `^New builds a new http.Transport on every call, here per request in handler badHandler`
	_, _ = w.Write([]byte(s.region))
}

// Observer streams through one connection for its whole life: run is
// the goroutine its constructor starts (corpus: newrelic's
// gRPCtraceObserver.connectToTraceObserver). The constructor returns
// it as an interface.
type Observer interface{ Stop() }

type observer struct {
	url  string
	stop chan struct{}
}

func newObserver(url string) (Observer, error) { // want newObserver:`buildsPool\(http.Transport, returned\)`
	o := &observer{url: url, stop: make(chan struct{})}
	go func() {
		o.run()
	}()
	return o, nil
}

func (o *observer) Stop() { close(o.stop) }

func (o *observer) run() { // want run:`buildsPool\(http.Transport\)`
	t := &http.Transport{IdleConnTimeout: time.Minute}
	hc := &http.Client{Transport: t, Timeout: time.Second}
	for {
		select {
		case <-o.stop:
			return
		case <-time.After(time.Second):
			if resp, err := hc.Get(o.url); err == nil {
				resp.Body.Close()
			}
		}
	}
}

// The app keeps one observer: connect builds one only when its getter
// finds none (corpus: newrelic's connectTraceObserver behind
// getObserver), so reconnecting in a loop builds no new pool.
type app struct {
	mu  sync.RWMutex
	obs Observer
}

func (a *app) getObserver() Observer {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.obs
}

func (a *app) setObserver(o Observer) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.obs = o
}

func (a *app) connect(url string) {
	if o := a.getObserver(); o != nil {
		return
	}
	o, err := newObserver(url)
	if err != nil {
		return
	}
	a.setObserver(o)
}

func (a *app) process(url string, reconnects <-chan struct{}) {
	for range reconnects {
		a.connect(url)
	}
}

// badConnect replaces the observer on every call.
func (a *app) badConnect(url string) { // want badConnect:`buildsPool\(http.Transport\)`
	o, err := newObserver(url)
	if err != nil {
		return
	}
	a.setObserver(o)
}

func (a *app) badReconnect(url string, reconnects <-chan struct{}) {
	for range reconnects {
		a.badConnect(url) // want `\(\*app\).badConnect builds a new http.Transport on every call, here per iteration of a loop`
	}
}

// A helper that only uses the observer does not keep it.
func use(o Observer) { o.Stop() }

func (a *app) badProcess(url string, reconnects <-chan struct{}) {
	for range reconnects {
		o, err := newObserver(url) // want `newObserver builds a new http.Transport on every call, here per iteration of a loop`
		if err != nil {
			continue
		}
		use(o)
	}
}
