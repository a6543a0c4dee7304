// want package:"hasPoolBuilders"

// Package percall builds pools that die with the call that built them:
// no handler in sight, the function runs once per API call.
package percall

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"perrequest/routerlib"
)

type Client struct {
	tls  *tls.Config
	base string
	hc   *http.Client
	tr   *http.Transport
}

// badGet builds a transport, sends one request and drops it.
func (c *Client) badGet(ctx context.Context, path string) error { // want badGet:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: c.tls}, Timeout: 10 * time.Second} // want `http.Transport created per call of \(\*Client\).badGet and dropped after use; build it once in the constructor, keep it in a struct field, and reuse it`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Get is exported: every caller pays for badGet's pool.
func (c *Client) Get(ctx context.Context) error { return c.badGet(ctx, "/") } // want Get:`buildsPool\(http.Transport\)`

// goodGet uses the pool kept in the struct.
func (c *Client) goodGet(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.base, nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Ping is exported: a per-call function in a library.
func Ping(url string) error { // want Ping:`buildsPool\(http.Transport\)`
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per call of Ping and dropped after use; build it once, outside Ping, and reuse it`
	t.MaxIdleConnsPerHost = 4
	resp, err := (&http.Client{Transport: t}).Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// GoodSharedTransport wraps the struct's pool: a nil or shared
// Transport is not a new pool.
func (c *Client) GoodSharedTransport(url string) error {
	hc := &http.Client{Transport: c.tr, Timeout: time.Second}
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) GoodNilTransport(url string) error {
	resp, err := (&http.Client{Timeout: time.Second}).Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// NewClient builds the pool once and keeps it: it outlives the call.
func NewClient(cfg *tls.Config) *Client { // want NewClient:`buildsPool\(http.Transport, returned\)`
	tr := &http.Transport{TLSClientConfig: cfg}
	return &Client{tls: cfg, tr: tr, hc: &http.Client{Transport: tr}}
}

// GoodStored keeps the pool in the struct.
func (c *Client) GoodStored() {
	c.tr = &http.Transport{}
	c.hc = &http.Client{Transport: c.tr}
	c.hc.Get(c.base)
}

// GoodOneShot turns keep-alives off on purpose: nothing idles.
func GoodOneShot(url string) error { // want GoodOneShot:`buildsPool\(http.Transport, one-shot\)`
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// GoodOneShotAssigned turns keep-alives off after a Clone.
func GoodOneShotAssigned(url string) error { // want GoodOneShotAssigned:`buildsPool\(http.Transport, one-shot\)`
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	_, err := (&http.Client{Transport: t}).Get(url)
	return err
}

// BadKeepAlivesFalse sets the field, but to false.
func BadKeepAlivesFalse(url string) error { // want BadKeepAlivesFalse:`buildsPool\(http.Transport\)`
	t := &http.Transport{DisableKeepAlives: false} // want `http.Transport created per call of BadKeepAlivesFalse and dropped after use`
	_, err := (&http.Client{Transport: t}).Get(url)
	return err
}

// GoodCloseIdle closes the idle connections before returning.
func GoodCloseIdle(url string) error { // want GoodCloseIdle:`buildsPool\(http.Transport, one-shot\)`
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	_, err := (&http.Client{Transport: t}).Get(url)
	return err
}

// GoodCloseIdleClient closes them through the client.
func GoodCloseIdleClient(url string) error { // want GoodCloseIdleClient:`buildsPool\(http.Transport, one-shot\)`
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	_, err := hc.Get(url)
	return err
}

// GoodUnused builds a pool it never sends through (dead, odd, not ours).
func GoodUnused() { // want GoodUnused:`buildsPool\(http.Transport\)`
	_ = &http.Transport{}
}

// GoodHanded gives the pool to code that may keep it.
func GoodHanded(reg func(*http.Client)) { // want GoodHanded:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	reg(hc)
	hc.Get("https://example.com")
}

var sink chan *http.Client

// GoodSent sends the client on a channel.
func GoodSent() {
	hc := &http.Client{Transport: &http.Transport{}}
	hc.Get("https://example.com")
	sink <- hc
}

// GoodClosure builds in a literal: when it runs is unclear.
func GoodClosure() func() { // want GoodClosure:`buildsPool\(http.Transport\)`
	return func() {
		(&http.Client{Transport: &http.Transport{}}).Get("https://example.com")
	}
}

type creds struct{ Expiry time.Time }

// GoodExpiry rebuilds only when the credentials are about to expire.
func (c *Client) GoodExpiry(cr *creds) {
	hc := c.hc
	if time.Until(cr.Expiry) < 5*time.Minute {
		hc = &http.Client{Transport: &http.Transport{}}
		c.hc = hc
	}
	hc.Get(c.base)
}

// GoodExpiryLocal: the same guard, the client used once and dropped;
// it runs once per credential lifetime.
func (c *Client) GoodExpiryLocal(cr *creds) {
	hc := c.hc
	if time.Now().After(cr.Expiry) {
		hc = &http.Client{Transport: &http.Transport{}}
	}
	hc.Get(c.base)
}

// unexported, reached from an exported method: per call.
func (c *Client) fetch() { // want fetch:`buildsPool\(http.Transport\)`
	(&http.Client{Transport: &http.Transport{}}).Get(c.base) // want `http.Transport created per call of \(\*Client\).fetch and dropped after use`
}

func (c *Client) Fetch() { c.fetch() } // want Fetch:`buildsPool\(http.Transport\)`

// BadFieldAssigned sets the transport on a client built here.
func BadFieldAssigned(url string) error { // want BadFieldAssigned:`buildsPool\(http.Transport\)`
	hc := &http.Client{Timeout: time.Second}
	hc.Transport = &http.Transport{} // want `http.Transport created per call of BadFieldAssigned and dropped after use`
	_, err := hc.Get(url)
	return err
}

// GoodFieldAssignedOneShot turns keep-alives off in the assigned literal.
func GoodFieldAssignedOneShot(url string) error { // want GoodFieldAssignedOneShot:`buildsPool\(http.Transport, one-shot\)`
	var hc http.Client
	hc.Transport = &http.Transport{DisableKeepAlives: true}
	_, err := hc.Get(url)
	return err
}

// GoodFieldOfShared stores into a client that is not built here: it
// outlives the call.
func (c *Client) GoodFieldOfShared(url string) {
	hc := c.hc
	hc.Transport = &http.Transport{}
	hc.Get(url)
}

// GenerateCredentials is exported, but every call in the package is
// guarded by an expiry check: it runs once per credential lifetime.
func GenerateCredentials(url string) error { // want GenerateCredentials:`buildsPool\(http.Transport\)`
	_, err := (&http.Client{Transport: &http.Transport{}}).Get(url)
	return err
}

func (c *Client) Refresh(cr *creds) {
	if time.Until(cr.Expiry) < time.Minute {
		GenerateCredentials(c.base)
	}
}

type sdk struct{ hc *http.Client }

func (s *sdk) Do(req *http.Request) (*http.Response, error) { return s.hc.Do(req) }

// newSDK always builds a default pool, then replaces it with the one it
// is given (opsgenie's client shape).
func newSDK(hc *http.Client) *sdk { // want newSDK:`buildsPool\(http.Transport, returned\)`
	s := &sdk{hc: &http.Client{Transport: &http.Transport{}}}
	if hc != nil {
		s.hc = hc
	}
	return s
}

func newTransport() *http.Transport { // want newTransport:`buildsPool\(http.Transport, returned\)`
	return &http.Transport{MaxIdleConnsPerHost: 8} // want `newTransport builds a new http.Transport on every call, and 2 functions call it and drop it \(\(\*Client\).SendSDK, BadNotifyPooled\); build it once \(in a package variable or a struct field of its users\) and reuse it`
}

// SendSDK builds a pool in newSDK's argument: one finding, where the
// pool it sends through is built. With BadNotifyPooled, two functions
// call newTransport and drop its pool: one finding at newTransport's
// construction, where the fix goes.
func (c *Client) SendSDK(req *http.Request) error { // want SendSDK:`buildsPool\(http.Transport\)`
	s := newSDK(&http.Client{Transport: newTransport()})
	_, err := s.Do(req)
	return err
}

// Mint is exported, but the package calls it only from a server's
// start-up and from a refresher that sleeps until the expiry
// (rolesanywhere's GenerateCredentials).
func Mint(url string) error { // want Mint:`buildsPool\(http.Transport\)`
	_, err := (&http.Client{Transport: &http.Transport{}}).Get(url)
	return err
}

func Serve(addr string) { // want Serve:`buildsPool\(http.Transport\)`
	Mint("https://sts.example.com")
	http.ListenAndServe(addr, nil)
}

func Update(cr *creds) {
	for {
		Mint("https://sts.example.com")
		time.Sleep(time.Until(cr.Expiry) - time.Minute)
	}
}

// BadMint is Mint's twin that a per-call method also calls.
func BadMint(url string) error { // want BadMint:`buildsPool\(http.Transport\)`
	_, err := (&http.Client{Transport: &http.Transport{}}).Get(url) // want `http.Transport created per call of BadMint and dropped after use`
	return err
}

func (c *Client) Sign() error { return BadMint(c.base) } // want Sign:`buildsPool\(http.Transport\)`

// Start builds a client that a goroutine keeps using after Start
// returns: it outlives the call. (A handler that called Start would
// still build one per request: Start is a builder.)
func (c *Client) Start() { // want Start:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	go func() {
		for {
			hc.Get(c.base)
			time.Sleep(time.Minute)
		}
	}()
}

// BadStartOnce is Start's twin without the goroutine.
func (c *Client) BadStartOnce() error { // want BadStartOnce:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call of \(\*Client\).BadStartOnce and dropped after use`
	_, err := hc.Get(c.base)
	return err
}

// oneShotTransport turns keep-alives off on a pool a builder made
// (cleanhttp.DefaultTransport's shape).
func oneShotTransport() *http.Transport { // want oneShotTransport:`buildsPool\(http.Transport, returned, one-shot\)`
	t := newTransport()
	t.DisableKeepAlives = true
	return t
}

func OneShotClient() *http.Client { // want OneShotClient:`buildsPool\(http.Transport, returned, one-shot\)`
	return &http.Client{Transport: oneShotTransport()}
}

// GoodNotifyOnce uses a one-shot client per call: nothing idles.
func GoodNotifyOnce(url string) error { // want GoodNotifyOnce:`buildsPool\(http.Transport, one-shot\)`
	_, err := OneShotClient().Get(url)
	return err
}

// BadNotifyPooled is its twin with a pooling builder.
func BadNotifyPooled(url string) error { // want BadNotifyPooled:`buildsPool\(http.Transport\)`
	_, err := (&http.Client{Transport: newTransport()}).Get(url)
	return err
}

func send(hc *http.Client, url string) error {
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var kept *http.Client

func keep(hc *http.Client) error {
	kept = hc
	return nil
}

// BadViaHelper sends through a helper of the package that only uses
// the client: it is still dropped when BadViaHelper returns.
func BadViaHelper(url string) error { // want BadViaHelper:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call of BadViaHelper and dropped after use`
	return send(hc, url)
}

// GoodViaKeeper hands the client to a helper that keeps it.
func GoodViaKeeper(url string) error { // want GoodViaKeeper:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}}
	if err := keep(hc); err != nil {
		return err
	}
	return send(hc, url)
}

// Doer holds a client's methods as function fields (a fake-able wrapper).
type Doer struct {
	DoFunc     func(*http.Request) (*http.Response, error)
	CloseIdle  func()
	unusedBase string
}

// GoodMethodValues keeps the client through its method values, stored
// in the struct it returns: the client lives as long as the wrapper.
func GoodMethodValues() *Doer { // want GoodMethodValues:`buildsPool\(http.Transport, returned\)`
	hc := &http.Client{Transport: &http.Transport{}}
	return &Doer{DoFunc: hc.Do}
}

// BadMethodValueCalled takes a method value and calls it at once: the
// client is still dropped after the call.
func BadMethodValueCalled(req *http.Request) error { // want BadMethodValueCalled:`buildsPool\(http.Transport\)`
	hc := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call of BadMethodValueCalled and dropped after use`
	do := hc.Do
	_, err := do(req)
	return err
}

// proxy is a handler that sends through its own transport.
type proxy struct{ tr *http.Transport }

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) { p.tr.RoundTrip(r) }

func newProxy() http.Handler { // want newProxy:`buildsPool\(http.Transport, returned\)`
	return &proxy{tr: &http.Transport{}}
}

type Upstreams struct{ mux *routerlib.Router }

// GoodRegister stores the handler (and its transport) in the router
// kept in a field: once per upstream at start-up, not dropped.
func (u *Upstreams) GoodRegister(path string) error { // want GoodRegister:`buildsPool\(http.Transport\)`
	return u.register(path, newProxy())
}

func (u *Upstreams) register(path string, h http.Handler) error {
	return u.mux.Path(path).Handler(h).GetError()
}

// BadRegisterLocal registers the handler on a router built here and
// dropped: the transport dies with the call.
func BadRegisterLocal(path string) error { // want BadRegisterLocal:`buildsPool\(http.Transport\)`
	r := &routerlib.Route{}
	return r.Handler(newProxy()).GetError() // want `http.Transport`
}

// BadTransportFromInput builds a pool from what it is given: unlike an
// AWS config bound to a region, an http.Transport serves every host, so
// one per input is still the same pool again (reqpath's inputKeyed
// applies to AWS kinds only).
func BadTransportFromInput(ctx context.Context, url string, insecure bool) error { // want BadTransportFromInput:`buildsPool\(http.Transport\)`
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}} // want `http.Transport created per call of BadTransportFromInput and dropped after use`
	hc := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
