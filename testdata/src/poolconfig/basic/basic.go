// Package basic holds the poolconfig rules, one class per section, each
// reported shape beside a silent look-alike. A rule reports only what
// the evidence says will break for the code at hand.
package basic

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"time"
)

var sink *http.Client

func use(c *http.Client) { sink = c }

// Defaults dropped. The Proxy matters wherever the transport is used;
// the dial and TLS handshake timeouts only when no client Timeout
// bounds the request.

func badBareLiteralTimedClient() {
	use(&http.Client{Transport: &http.Transport{}, Timeout: time.Second}) // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\)$`
}

func goodMirrorsDefaults() {
	use(&http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}, Timeout: time.Second})
}

func badNew() *http.Transport {
	return new(http.Transport) // want `^new\(http\.Transport\) drops DefaultTransport's Proxy, dial timeout and TLS handshake timeout \(HTTP_PROXY is ignored, and without a client Timeout a dead host or a stalled TLS handshake blocks a request for minutes or forever\); start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\)$`
}

func goodClone() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return t
}

func badUntimedClientKeepsProxy() *http.Client {
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}} // want `^http\.Transport literal drops DefaultTransport's dial timeout and TLS handshake timeout \(without a client Timeout a dead host or a stalled TLS handshake blocks a request for minutes or forever\); start from`
}

// A long-lived client that talks to one host one request at a time,
// with a client Timeout: the Timeout bounds the dial and the handshake,
// net/http retires stale idle connections, and the per-host idle limit
// never binds. Only a dropped Proxy would matter.

var goodLongLivedTimed = &http.Client{
	Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: 4},
	Timeout:   10 * time.Second,
}

var badLongLivedTimedNoProxy = &http.Client{
	Transport: &http.Transport{MaxIdleConnsPerHost: 4}, // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	Timeout:   10 * time.Second,
}

// Sized from configuration, but keep-alives not a switch: a scraper
// with a concurrency setting (corpus: telegraf burrow, jenkins), not a
// load generator. The dropped Proxy is an oversight.

func badScraperSizedByConfig(opts options, cfg *tls.Config) *http.Client {
	return &http.Client{
		Transport: &http.Transport{ // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
			TLSClientConfig: cfg,
			MaxIdleConns:    opts.maxConns,
		},
		Timeout: opts.timeout,
	}
}

// A pool sized from configuration, with a client Timeout: a tool that
// controls its own traffic (a load generator) built it on purpose.

type options struct {
	maxConns          int
	disableKeepAlives bool
	timeout           time.Duration
}

func goodLoadGenerator(opts options, cfg *tls.Config) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			TLSClientConfig:     cfg,
			MaxIdleConnsPerHost: opts.maxConns,
			DisableKeepAlives:   opts.disableKeepAlives,
		},
		Timeout: opts.timeout,
	}
}

func goodTimedThroughVariable() *http.Client {
	t := &http.Transport{Proxy: http.ProxyFromEnvironment}
	c := &http.Client{Transport: t}
	c.Timeout = 5 * time.Second
	return c
}

// Unix-socket transports: proxy, TLS timeouts and HTTP/2 do not apply.

func goodUnixSocket(sock string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", sock)
		},
	}}
}

func dialAgent(ctx context.Context, _, _ string) (net.Conn, error) {
	return net.Dial("unix", "/run/agent.sock")
}

func goodUnixSocketThroughFunc() *http.Transport {
	return &http.Transport{DialContext: dialAgent}
}

func badTCPDialer(addr string) *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal drops DefaultTransport's Proxy and TLS handshake timeout`
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		},
	}
}

// The dialer bound to a local variable first (corpus: go-gh's
// newUnixDomainSocketRoundTripper), and a network that is the tag of a
// switch whose case is "unix" (corpus: telegraf's influxdb outputs).

func goodUnixSocketThroughVariable(sock string) http.RoundTripper {
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", sock)
	}
	return &http.Transport{DialContext: dial, DialTLSContext: dial, DisableKeepAlives: true}
}

func badTCPThroughVariable(addr string) http.RoundTripper {
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	}
	return &http.Transport{DialContext: dial, DialTLSContext: dial} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\)`
}

func badReboundDialer(addr, sock string, local bool) http.RoundTripper {
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		return net.Dial("unix", sock)
	}
	if !local {
		dial = func(ctx context.Context, _, _ string) (net.Conn, error) {
			return net.Dial("tcp", addr)
		}
	}
	return &http.Transport{DialContext: dial} // want `^http\.Transport literal drops DefaultTransport's Proxy and TLS handshake timeout`
}

type endpoint struct{ scheme, path string }

func goodUnixSchemeSwitch(u endpoint, timeout time.Duration) (*http.Client, error) {
	var t *http.Transport
	switch u.scheme {
	case "http", "https":
		t = &http.Transport{Proxy: http.ProxyFromEnvironment}
	case "unix":
		t = &http.Transport{
			Dial: func(_, _ string) (net.Conn, error) {
				return net.DialTimeout(u.scheme, u.path, timeout)
			},
		}
	default:
		return nil, errors.New("unsupported scheme")
	}
	return &http.Client{Transport: t, Timeout: timeout}, nil
}

func badTCPSchemeSwitch(u endpoint, timeout time.Duration) *http.Client {
	var t *http.Transport
	switch u.scheme {
	case "unix", "tcp":
		t = &http.Transport{ // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\)`
			Dial: func(_, _ string) (net.Conn, error) {
				return net.DialTimeout(u.scheme, u.path, timeout)
			},
		}
	}
	return &http.Client{Transport: t, Timeout: timeout}
}

func goodUnixSchemeIf(u endpoint, timeout time.Duration) *http.Client {
	if u.scheme == "unix" {
		return &http.Client{Transport: &http.Transport{
			Dial: func(_, _ string) (net.Conn, error) { return net.DialTimeout(u.scheme, u.path, timeout) },
		}, Timeout: timeout}
	}
	return &http.Client{Timeout: timeout}
}

// A Clone() used one request after another: MaxIdleConnsPerHost 2 never
// binds (poolsize judges the pool size against the concurrency). An
// explicitly bad value set after the construction is reported at that
// assignment, not at the Clone().

func goodCloneSequential(urls []string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 5 * time.Second
	c := &http.Client{Transport: t, Timeout: 10 * time.Second}
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

func badCappedAfterClone() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 5 * time.Second
	t.MaxIdleConnsPerHost = 200 // want `^http\.Transport cloned from DefaultTransport lets MaxIdleConns 100 \(inherited from DefaultTransport\) cap MaxIdleConnsPerHost 200; raise MaxIdleConns to at least 200$`
	return t
}

func goodRaisedTotal() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 400
	t.MaxIdleConnsPerHost = 200
	return t
}

func badCappedLiteral() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal lets MaxIdleConns 10 cap MaxIdleConnsPerHost 64; raise MaxIdleConns to at least 64$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        10,
		MaxIdleConnsPerHost: 64,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodUnlimitedTotalLiteral() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        0, // unlimited
		MaxIdleConnsPerHost: 64,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

// IdleConnTimeout 0 matters on a transport dropped after each call: its
// idle connections are never closed. A long-lived transport's are
// reused or retired by net/http.

func badPerCallNoIdleTimeout(url string) error {
	t := &http.Transport{ // want `^http\.Transport literal leaves IdleConnTimeout at 0 on a transport dropped after each call, so its idle connections never close; set IdleConnTimeout \(DefaultTransport uses 90s\), or build the transport once and reuse it$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	c := &http.Client{Transport: t, Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodLongLivedNoIdleTimeout() *http.Client {
	t := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	return &http.Client{Transport: t, Timeout: 5 * time.Second}
}

// Deliberate one-shot transports: keep-alives off on a transport built
// per call (removing them without caching the transport would leak
// descriptors), a health probe that measures a fresh connect and
// handshake. Keep-alives off are reported only on a transport the whole
// program shares.

func goodOneShotFactory() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	t.MaxIdleConnsPerHost = -1
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

func goodHealthProbe(ctx context.Context, url string) error {
	t := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
		TLSHandshakeTimeout: 2 * time.Second,
		DisableKeepAlives:   true, // each check measures a fresh connect and TLS handshake
	}
	c := &http.Client{Transport: t, Timeout: 5 * time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var badSharedKeepAlivesOff = &http.Client{
	Transport: &http.Transport{ // want `^http\.Transport literal turns keep-alives off on a transport kept for the whole program, so every request opens a new connection; remove DisableKeepAlives$`
		Proxy:             http.ProxyFromEnvironment,
		DisableKeepAlives: true,
	},
	Timeout: 10 * time.Second,
}

var sharedTransport = http.DefaultTransport.(*http.Transport).Clone()

func init() {
	sharedTransport.DisableKeepAlives = true // want `^http\.Transport cloned from DefaultTransport turns keep-alives off on a transport kept for the whole program`
}

var fromElsewhere = newTransport()

func newTransport() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }

func badKeepAlivesOnGlobal() {
	fromElsewhere.DisableKeepAlives = true // want `^DisableKeepAlives set to true on a transport kept for the whole program makes every request open a new connection; remove it so the transport reuses connections$`
}

func goodKeepAlivesOnParam(t *http.Transport) { // want goodKeepAlivesOnParam:`configuresTransport\(t: DisableKeepAlives\)`
	t.DisableKeepAlives = true // a one-shot transport, as far as we can tell
}

func goodKeepAlivesReadOnParam(t *http.Transport) bool {
	return t.DisableKeepAlives
}

// A transport rebuilt only on an error-recovery path, the old one
// discarded, is neither a per-request pool nor a configuration bug.

type conn struct {
	client *http.Client
	tls    *tls.Config
}

func (c *conn) goodRebuiltOnError(req *http.Request) (*http.Response, error) {
	resp, err := c.client.Do(req)
	if errors.Is(err, context.DeadlineExceeded) {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = c.tls
		c.client.Transport = t
	}
	return resp, err
}

func (c *conn) badRebuiltOnErrorCapped(req *http.Request) (*http.Response, error) {
	resp, err := c.client.Do(req)
	if errors.Is(err, context.DeadlineExceeded) {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConns = 50
		t.MaxIdleConnsPerHost = 500 // want `lets MaxIdleConns 50 cap MaxIdleConnsPerHost 500`
		c.client.Transport = t
	}
	return resp, err
}

// HTTP/2 is opt-in (see the http2 fixture): by default a custom TLS
// config without ForceAttemptHTTP2 is silent.

func goodCustomTLSNoHTTP2ByDefault() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ForceAttemptHTTP2 = false
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

// Everything at once: one diagnostic, not one per field.

var badEverything = &http.Client{Transport: &http.Transport{ // want `^http\.Transport literal drops DefaultTransport's Proxy, dial timeout and TLS handshake timeout \(HTTP_PROXY is ignored, and without a client Timeout a dead host or a stalled TLS handshake blocks a request for minutes or forever\) and turns keep-alives off on a transport kept for the whole program, so every request opens a new connection; start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\) and remove DisableKeepAlives$`
	DisableKeepAlives: true,
}}

func goodNothingToSay() *http.Transport {
	return &http.Transport{
		Proxy:               nil, // no proxy, on purpose
		DialContext:         (&net.Dialer{}).DialContext,
		MaxIdleConnsPerHost: 4,
		TLSHandshakeTimeout: time.Second,
	}
}

// A long-lived client without a Timeout whose every request carries a
// deadline (corpus: shoutrrr mattermost): the deadline bounds the dial
// and the handshake, so only the dropped Proxy matters.

type notifier struct{ hc *http.Client }

func (n *notifier) initialize(cfg *tls.Config) {
	n.hc = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
}

func (n *notifier) send(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := n.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type pager struct{ hc *http.Client }

func (p *pager) initialize(cfg *tls.Config) {
	p.hc = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}} // want `^http\.Transport literal drops DefaultTransport's Proxy, dial timeout and TLS handshake timeout`
}

func (p *pager) send(u string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client given one of two transports by branch (corpus: shoutrrr
// ntfy): both are the client's, and its Timeout bounds both.

type ntfy struct{ hc *http.Client }

func (n *ntfy) init(insecure bool) {
	n.hc = &http.Client{Timeout: 10 * time.Second}
	if insecure {
		n.hc.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	} else {
		n.hc.Transport = &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
	}
}

// A Proxy left out in one arm while the other arm sets it: the
// configuration chooses (corpus: rolesanywhere-credential-helper).

func goodProxyByChoice(withProxy bool) *http.Client {
	var tr *http.Transport
	if withProxy {
		tr = &http.Transport{Proxy: http.ProxyFromEnvironment}
	} else {
		tr = &http.Transport{}
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func badProxyInNeitherArm(insecure bool) *http.Client {
	var tr *http.Transport
	if insecure {
		tr = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\)`
	} else {
		tr = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\)`
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

// A one-shot transport built per call: keep-alives off are its design
// and not reported; the dropped Proxy still is (corpus: external-secrets
// doppler, onboardbase). Its clone-based twin is silent.

func badOneShotLiteralProxyOnly(cfg *tls.Config) *http.Client {
	return &http.Client{
		Transport: &http.Transport{DisableKeepAlives: true, TLSClientConfig: cfg}, // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\)$`
		Timeout:   10 * time.Second,
	}
}

func goodOneShotClone(cfg *tls.Config) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	t.TLSClientConfig = cfg
	return &http.Client{Transport: t, Timeout: 10 * time.Second}
}

// A transport factory whose every caller in the package gives the
// transport to a client with a Timeout (corpus: telegraf's
// TransportConfig.CreateTransport and CreateClient): the dial and TLS
// handshake timeouts are bounded there.

type factoryConfig struct{ timeout time.Duration }

func (c *factoryConfig) createTransport() (*http.Transport, error) {
	return &http.Transport{Proxy: http.ProxyFromEnvironment, TLSClientConfig: &tls.Config{}}, nil
}

func (c *factoryConfig) createClient() (*http.Client, error) {
	transport, err := c.createTransport()
	if err != nil {
		return nil, err
	}
	client := &http.Client{Transport: transport}
	client.Timeout = c.timeout
	return client, nil
}

func (c *factoryConfig) createUntimedTransport() *http.Transport {
	t := &http.Transport{Proxy: http.ProxyFromEnvironment} // want `^http\.Transport literal drops DefaultTransport's dial timeout and TLS handshake timeout`
	return t
}

func (c *factoryConfig) createMixed() (*http.Client, *http.Client) {
	a := &http.Client{Transport: c.createUntimedTransport(), Timeout: time.Second}
	t := c.createUntimedTransport()
	b := &http.Client{Transport: t}
	return a, b
}

// A by-value transport given as &t to a client with a Timeout (corpus:
// telegraf burrow): only the Proxy is missing.

func badByValueTimed(timeout time.Duration) *http.Client {
	transport := http.Transport{ // want `^http\.Transport literal drops DefaultTransport's Proxy \(HTTP_PROXY is ignored\); start from`
		DialContext: (&net.Dialer{Timeout: timeout}).DialContext,
	}
	return &http.Client{Transport: &transport, Timeout: timeout}
}
