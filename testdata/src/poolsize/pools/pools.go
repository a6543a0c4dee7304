// Package pools covers every pool source: http.DefaultClient and
// http.Get, a client with a nil Transport, a transport literal, new,
// Clone, a field set after construction, a helper that returns a
// client, a package variable, a struct field. Each bad case has a sized
// twin.
package pools

import (
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

const api = "https://api.example.com/v1/"

func fanOut(ids []string, get func(string)) {
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error { get(id); return nil })
	}
	g.Wait()
}

// A client with a nil Transport.

func badNilTransport(ids []string) error {
	c := &http.Client{Timeout: 10 * time.Second}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, 30 connections are closed after each burst`
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func goodNilTransportThenSet(ids []string) error {
	c := &http.Client{Timeout: 10 * time.Second}
	c.Transport = &http.Transport{MaxIdleConnsPerHost: 32}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error {
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

// A transport literal that never sets MaxIdleConnsPerHost, and one that does.

func badTransportDefault(ids []string) error {
	t := &http.Transport{MaxIdleConns: 100, IdleConnTimeout: 90 * time.Second}
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share an http.Transport that leaves MaxIdleConnsPerHost at its default, which keeps 2 idle connections per host`
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func badTransportTooSmall(ids []string) error {
	t := &http.Transport{MaxIdleConnsPerHost: 4}
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share an http.Transport with MaxIdleConnsPerHost 4, which keeps 4 idle connections per host: over HTTP/1.1, 28 connections are closed after each burst; use a transport with MaxIdleConnsPerHost ≥ 32`
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func goodTransportSized(ids []string) error {
	t := &http.Transport{MaxIdleConnsPerHost: 32}
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error {
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

// Clone and new, with the field set after construction.

func badCloneUnset(ids []string) error {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 200
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error { // want `share an http.Transport that leaves MaxIdleConnsPerHost at its default, which keeps 2`
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func goodCloneSet(ids []string) error {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error {
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func goodNewSetByHelper(ids []string) error {
	t := new(http.Transport)
	tune(t)
	c := &http.Client{Transport: t}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error {
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func tune(t *http.Transport) { t.MaxIdleConnsPerHost = 32 }

func goodNonConstantLimit(ids []string, n int) error {
	// A limit the code computes: we cannot compare it.
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	var g errgroup.Group
	g.SetLimit(32)
	for _, id := range ids {
		g.Go(func() error {
			_, err := c.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

// A helper that returns a client.

func newClient() *http.Client { // want newClient:`clientPool\(2, http.DefaultTransport\)`
	return &http.Client{Timeout: 5 * time.Second}
}

func newSizedClient() (*http.Client, error) { // want newSizedClient:`clientPool\(32, an http.Transport with MaxIdleConnsPerHost 32\)`
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t}, nil
}

func badHelperClient(ids []string) {
	c := newClient()
	for i := 0; i < 32; i++ {
		go func() { // want `up to 32 concurrent requests to one host \(32 goroutines started in a loop\) share http.DefaultTransport`
			c.Get(api + "ping")
		}()
	}
}

func goodHelperSized(ids []string) {
	c, err := newSizedClient()
	if err != nil {
		return
	}
	for i := 0; i < 32; i++ {
		go func() {
			c.Get(api + "ping")
		}()
	}
}

// A package variable and a struct field.

var shared = &http.Client{} // want shared:`clientPool\(2, http.DefaultTransport\)`

var sharedSized = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 40}} // want sharedSized:`clientPool\(40, an http.Transport with MaxIdleConnsPerHost 40\)`

func badPackageVar() {
	for range 32 {
		go shared.Get(api + "ping") // want `up to 32 concurrent requests to one host \(32 goroutines started in a loop\) share http.DefaultTransport`
	}
}

func goodPackageVarSized() {
	for range 32 {
		go sharedSized.Get(api + "ping")
	}
}

type Service struct {
	client *http.Client
	base   string
}

func NewService() *Service {
	return &Service{client: http.DefaultClient, base: "https://api.example.com"}
}

func (s *Service) get(id string) {
	resp, err := s.client.Get(s.base + "/items/" + id)
	if err == nil {
		resp.Body.Close()
	}
}

func (s *Service) badField(ids []string) {
	for _, id := range ids {
		go s.get(id) // want `unbounded concurrent requests to one host \(one goroutine per item of the range loop\) share http.DefaultTransport`
	}
}

type Injected struct{ client *http.Client }

func NewInjected(c *http.Client) *Injected { return &Injected{client: c} }

func (s *Injected) goodFieldInjected(ids []string) {
	// The client comes from the caller: its pool is unknown here.
	for _, id := range ids {
		go s.client.Get(api + id)
	}
}

// A decorator round tripper sends through the one it wraps.

type userAgent struct {
	next http.RoundTripper
	ua   string
}

func (t *userAgent) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", t.ua)
	return t.next.RoundTrip(req)
}

var decorated = &http.Client{Transport: &userAgent{next: http.DefaultTransport, ua: "x/1"}} // want decorated:`clientPool\(2, http.DefaultTransport\)`

var decoratedSized = &http.Client{Transport: &userAgent{next: &http.Transport{MaxIdleConnsPerHost: 50}, ua: "x/1"}} // want decoratedSized:`clientPool\(50, an http.Transport with MaxIdleConnsPerHost 50\)`

func badDecorated() {
	for range 50 {
		go decorated.Get(api + "ping") // want `up to 50 concurrent requests to one host \(50 goroutines started in a loop\) share http.DefaultTransport`
	}
}

func goodDecoratedSized() {
	for range 50 {
		go decoratedSized.Get(api + "ping")
	}
}
