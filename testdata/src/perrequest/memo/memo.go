// Package memo covers the memoization forms that break the per-request
// chain, each beside the unguarded form that does not.
package memo

import (
	"net/http"
	"sync"
)

type Server struct {
	mu      sync.Mutex
	once    sync.Once
	client  *http.Client
	clients map[string]*http.Client
	cache   sync.Map
}

var (
	global     *http.Client
	getClient  = sync.OnceValue(func() *http.Client { return &http.Client{Transport: &http.Transport{}} })
	globalOnce sync.Once
)

func (s *Server) goodOnce(w http.ResponseWriter, r *http.Request) {
	s.once.Do(func() {
		s.client = &http.Client{Transport: &http.Transport{}}
	})
	s.client.Get("https://example.com")
}

func (s *Server) goodOnceLocal(w http.ResponseWriter, r *http.Request) {
	var c *http.Client
	globalOnce.Do(func() {
		c = &http.Client{Transport: &http.Transport{}}
	})
	_ = c
}

func (s *Server) goodOnceValue(w http.ResponseWriter, r *http.Request) {
	getClient().Get("https://example.com")
}

func (s *Server) goodNilCheckField(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.client == nil {
		s.client = &http.Client{Transport: &http.Transport{}}
	}
	s.mu.Unlock()
}

func (s *Server) goodNilCheckGlobal(w http.ResponseWriter, r *http.Request) {
	if global == nil {
		t := &http.Transport{}
		global = &http.Client{Transport: t}
	}
}

func (s *Server) lazyClient() *http.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client != nil {
		return s.client
	}
	s.client = &http.Client{Transport: &http.Transport{}}
	return s.client
}

func (s *Server) goodLazyGetter(w http.ResponseWriter, r *http.Request) {
	s.lazyClient().Get("https://example.com")
}

func (s *Server) clientFor(host string) *http.Client {
	if c, ok := s.clients[host]; ok {
		return c
	}
	c := &http.Client{Transport: &http.Transport{}}
	s.clients[host] = c
	return c
}

func (s *Server) goodCacheLookup(w http.ResponseWriter, r *http.Request) {
	s.clientFor(r.Host).Get("https://example.com")
}

func (s *Server) goodSyncMap(w http.ResponseWriter, r *http.Request) {
	v, _ := s.cache.LoadOrStore(r.Host, &http.Client{Transport: &http.Transport{}})
	_ = v
}

func (s *Server) goodPool(w http.ResponseWriter, r *http.Request) {
	p := sync.Pool{New: func() any { return &http.Transport{} }}
	_ = p
}

// The unguarded twin: a local nil check does not memoize anything.
func (s *Server) badLocalNilCheck(w http.ResponseWriter, r *http.Request) {
	var c *http.Client
	if c == nil {
		c = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per request in handler \(\*Server\).badLocalNilCheck`
	}
	c.Get("https://example.com")
}

// The unguarded twin of lazyClient.
func (s *Server) eagerClient() *http.Client { // want eagerClient:`buildsPool\(http.Transport, returned\)`
	return &http.Client{Transport: &http.Transport{}}
}

func (s *Server) badEager(w http.ResponseWriter, r *http.Request) {
	s.eagerClient().Get("https://example.com") // want `\(\*Server\).eagerClient builds a new http.Transport on every call`
}

// Kept in a field by a handler: silent (it outlives the request).
func (s *Server) goodStoreField(w http.ResponseWriter, r *http.Request) {
	s.client = &http.Client{Transport: &http.Transport{}}
}
