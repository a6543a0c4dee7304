// want package:"hasPoolBuilders"

// Package initializer builds pools in methods that set up their
// receiver, called by a framework (a lifecycle hook such as caddy's
// Provision) and not in this package. Such a method replaces a field
// of its receiver with fresh empty state that the rest of the type
// reads and nothing else writes: run per request it would wipe that
// state, so it runs once per object.
package initializer

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Provisioner is the framework's lifecycle hook.
type Provisioner interface {
	Provision(ctx context.Context) error
}

var _ Provisioner = (*TLS)(nil)
var _ Provisioner = (*Cache)(nil)
var _ Provisioner = (*Stats)(nil)

// TLS is set up once per config load (fresh3: caddy's (*TLS).Provision).
type TLS struct {
	names map[string]bool
	mu    *sync.Mutex
}

// Provision resets names, read by Has: silent.
func (t *TLS) Provision(ctx context.Context) error { // want Provision:`buildsPool\(http.Transport\)`
	t.names = make(map[string]bool)
	t.mu = new(sync.Mutex)
	hc := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://certs", nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	t.names[resp.Header.Get("Name")] = true
	return resp.Body.Close()
}

func (t *TLS) Has(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.names[name]
}

// Cache's Provision resets entries, but Clear writes entries too:
// the reset is not its set-up alone, reported.
type Cache struct {
	entries map[string]string
}

func (c *Cache) Provision(ctx context.Context) error { // want Provision:`buildsPool\(http.Transport\)`
	c.entries = make(map[string]string)
	hc := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `http.Transport created per call of \(\*Cache\).Provision and dropped after use`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://cache", nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Cache) Clear() { c.entries = nil }

func (c *Cache) Get(k string) string { return c.entries[k] }

// Stats's Provision only records the last value seen, not fresh
// state: reported.
type Stats struct {
	last string
}

func (s *Stats) Provision(ctx context.Context) error { // want Provision:`buildsPool\(http.Transport\)`
	s.last = "start"
	hc := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `http.Transport created per call of \(\*Stats\).Provision and dropped after use`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://stats", nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Stats) Last() string { return s.last }
