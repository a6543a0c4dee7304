// Package poolconfig defines an Analyzer that reports http.Transport
// connection pools whose settings are wrong for production.
//
// # Analyzer poolconfig
//
// poolconfig: report http.Transport pools built without DefaultTransport's defaults or with bad pool settings
//
// A pool built once can still be wrong. An http.Transport literal
// starts from zero, not from http.DefaultTransport, and several zero
// values in net/http do not mean what they seem to. These are the
// figures in net/http/transport.go:
//
//	var DefaultTransport RoundTripper = &Transport{
//		Proxy: ProxyFromEnvironment,
//		DialContext: defaultTransportDialContext(&net.Dialer{
//			Timeout:   30 * time.Second,
//			KeepAlive: 30 * time.Second,
//		}),
//		ForceAttemptHTTP2:     true,
//		MaxIdleConns:          100,
//		IdleConnTimeout:       90 * time.Second,
//		TLSHandshakeTimeout:   10 * time.Second,
//		ExpectContinueTimeout: 1 * time.Second,
//	}
//
//	const DefaultMaxIdleConnsPerHost = 2
//
// The analyzer reports each transport once, with one message that
// lists what will go wrong for the way the package uses it: the
// clients that send through it and whether they have a Timeout,
// whether the transport lives for the whole program or is dropped
// after each call, and whether it dials a unix socket.
//
//   - Proxy dropped. &http.Transport{...}, new(http.Transport) or a
//     zero http.Transport with no Proxy ignores HTTP_PROXY, HTTPS_PROXY
//     and NO_PROXY, wherever it is used. Not reported when the other
//     arm of the if statement that builds it builds one with a Proxy
//     (the configuration chooses).
//   - Dial and TLS handshake timeouts dropped, when no client with a
//     Timeout is seen to send through the transport: a connect to a
//     dead host then waits for the kernel's TCP timeout (minutes)
//     instead of 30s, and a stalled TLS handshake hangs forever instead
//     of failing after 10s. A client Timeout bounds both, so a
//     long-lived client with a Timeout that talks to one host is only
//     told about the Proxy. A factory's transport counts as timed when
//     every call of the factory in the package hands it to a client
//     with a Timeout. Not reported in example programs (a package path
//     element example, examples, _example or _examples, as clienttimeout
//     judges them): their user runs them by hand and can interrupt
//     them. The suggested fix rewrites
//     t := &http.Transport{...} as
//     t := http.DefaultTransport.(*http.Transport).Clone() followed by
//     one assignment per field of the literal.
//   - IdleConnTimeout left at 0 on a transport built from scratch and
//     dropped after each call (it and its clients are local variables
//     that are never returned, stored or passed on): its idle
//     connections are never closed, each holding a socket and two
//     goroutines. On a long-lived transport net/http reuses them or
//     retires them when the server closes them, so 0 is not reported
//     there.
//   - MaxIdleConnsPerHost larger than a non-zero MaxIdleConns: the total
//     caps it. A clone of DefaultTransport inherits MaxIdleConns 100.
//   - A field of http.DefaultTransport set outside package main
//     (http.DefaultTransport.(*http.Transport).TLSClientConfig = ...):
//     every client in the program without a transport of its own
//     shares it, so a library changes them all. A program's main may
//     tune its own default.
//   - DisableKeepAlives set to true on a transport kept in a
//     package-level variable (directly or by its client): every request
//     of the whole program opens and closes its own connection.
//     Keep-alives off on a transport built per call, per probe or per
//     scrape are a deliberate one-shot: removing them without caching
//     the transport would leak descriptors, so they are not reported.
//   - A custom TLSClientConfig, DialContext, Dial, DialTLSContext or
//     DialTLS without ForceAttemptHTTP2 on a transport built from
//     scratch, only with -poolconfig.http2: net/http then turns HTTP/2
//     off (Transport.protocols, issue 14275), silently. HTTP/1.1 with
//     keep-alive is a sound choice for most clients; HTTP/2 matters
//     when many concurrent requests go to one server that speaks it
//     (one connection multiplexes them instead of one connection per
//     request in flight) and for APIs that need it (gRPC over
//     net/http). A non-nil TLSNextProto or Protocols decides HTTP/2 by
//     itself (an empty TLSNextProto map is the documented way to turn
//     it off), so a transport that sets either is taken as a deliberate
//     choice.
//   - MaxConnsPerHost left at 0 (unlimited), only with -poolconfig.maxconns:
//     a burst opens as many connections to one host as there are
//     requests in flight.
//
// A transport whose keep-alives are a configuration switch (a
// non-constant DisableKeepAlives) and whose pool is sized from
// configuration (a non-constant MaxIdleConnsPerHost, MaxIdleConns or
// MaxConnsPerHost), and whose client has a Timeout, is taken as built
// on purpose by a tool that controls its own traffic, such as a load
// generator, and is not told about its Proxy. A pool sized from
// configuration alone (a scraper's concurrency setting) still is. A
// client whose every request carries a context deadline or its
// caller's context counts as having a Timeout.
//
// A transport whose DialContext, Dial, DialTLSContext or DialTLS dials
// a unix socket (the function, or the local variable it is bound to,
// passes the network "unix" to a call, or a network that a switch or
// if around the transport fixed to "unix") is not told about the
// Proxy, the dial and TLS timeouts or HTTP/2, which do not apply to it.
// Whether MaxIdleConnsPerHost (2 by default) is too small depends on
// the concurrency that sends through the pool: the poolsize analyzer
// judges that. Whether a client has a Timeout is clienttimeout's
// finding, not this one's.
//
// An explicitly bad value set after the construction
// (t.MaxIdleConnsPerHost = 500 a few lines below a Clone()) is reported
// at that assignment.
//
// Settings made after the construction count, so a transport configured
// step by step is not reported:
//
//   - assignments to the same variable or field path later in the
//     function (t.MaxIdleConnsPerHost = 64), until it is reassigned;
//   - helpers that set fields of a *http.Transport parameter, in this
//     package or another (exported as a configuresTransport fact);
//   - for package-level variables, assignments anywhere in the package,
//     such as in init.
//
// A field written explicitly is a decision and is respected, even with
// a zero value: Proxy: nil says "no proxy", IdleConnTimeout: 0 says
// "keep idle connections forever", ForceAttemptHTTP2: false says "no
// HTTP/2".
// When a transport escapes to code the analyzer cannot see (assigned to
// another variable, sent on a channel, passed to a function value or
// interface method), only settings written explicitly are judged;
// missing ones are not. Copies and clones of a transport configured
// elsewhere are not reported. Test files are skipped unless
// -poolconfig.tests is set.
//
// BAD:
//
//	var client = &http.Client{
//		Transport: &http.Transport{
//			TLSClientConfig:   &tls.Config{MinVersion: tls.VersionTLS12},
//			DisableKeepAlives: true,
//		},
//	}
//
// reports: http.Transport literal drops DefaultTransport's Proxy, dial
// timeout and TLS handshake timeout (HTTP_PROXY is ignored, and without
// a client Timeout a dead host or a stalled TLS handshake blocks a
// request for minutes or forever) and turns keep-alives off on a
// transport kept for the whole program, so every request opens a new
// connection; start from http.DefaultTransport.(*http.Transport).Clone()
// and remove DisableKeepAlives
//
// GOOD: start from DefaultTransport.
//
//	func newClient() *http.Client {
//		t := http.DefaultTransport.(*http.Transport).Clone()
//		t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
//		return &http.Client{Transport: t, Timeout: 10 * time.Second}
//	}
//
// GOOD: a literal that mirrors the defaults on purpose.
//
//	t := &http.Transport{
//		Proxy:               http.ProxyFromEnvironment,
//		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
//		ForceAttemptHTTP2:   true,
//		IdleConnTimeout:     90 * time.Second,
//		TLSHandshakeTimeout: 5 * time.Second,
//	}
//
// GOOD: a health probe that measures a fresh connect each time.
//
//	t := http.DefaultTransport.(*http.Transport).Clone()
//	t.DisableKeepAlives = true
//	probe := &http.Client{Transport: t, Timeout: 2 * time.Second}
//
// Flags:
//
//	-poolconfig.defaults       report transports built from scratch that drop DefaultTransport's Proxy, or its dial and TLS handshake timeouts when no client Timeout bounds them (default true)
//	-poolconfig.idle-timeout   report transports built from scratch and dropped after each call that leave IdleConnTimeout at 0 (default true)
//	-poolconfig.idle-cap       report MaxIdleConnsPerHost larger than a non-zero MaxIdleConns (default true)
//	-poolconfig.global         report fields set on http.DefaultTransport outside package main (default true)
//	-poolconfig.keepalives     report DisableKeepAlives set to true on a transport kept in a package-level variable (default true)
//	-poolconfig.http2          report a custom TLSClientConfig or dialer without ForceAttemptHTTP2 (default false)
//	-poolconfig.maxconns       report transports that leave MaxConnsPerHost unlimited (default false)
//	-poolconfig.tests          also report in _test.go files (default false)
package poolconfig
