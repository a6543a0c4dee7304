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
// The analyzer reports each transport once, at its construction, with
// one message that lists everything that is wrong with it:
//
//   - Defaults dropped. &http.Transport{...}, new(http.Transport) or a
//     zero http.Transport with no Proxy, no dialer and no
//     TLSHandshakeTimeout loses what DefaultTransport sets: HTTP_PROXY,
//     HTTPS_PROXY and NO_PROXY are ignored, a connect to a dead host
//     waits for the kernel's TCP timeout (minutes) instead of 30s, and a
//     stalled TLS handshake hangs forever instead of failing after 10s.
//     The suggested fix rewrites t := &http.Transport{...} as
//     t := http.DefaultTransport.(*http.Transport).Clone() followed by
//     one assignment per field of the literal.
//   - IdleConnTimeout left at 0 on a transport built from scratch: idle
//     connections are never closed, so they pile up until the server or
//     a NAT or load balancer drops them, and the next request on such a
//     connection fails. DefaultTransport uses 90s.
//   - MaxIdleConnsPerHost left at its default: DefaultMaxIdleConnsPerHost
//     is 2, and DefaultTransport does not change it. With more than 2
//     concurrent requests to one host, every extra connection is closed
//     when its request ends and a new one is dialled for the next: a
//     TCP and TLS handshake per request and thousands of sockets in
//     TIME_WAIT, ending in "cannot assign requested address". This
//     applies to clones of DefaultTransport too. An explicit 0 is
//     reported as well, because it means 2, not unlimited; a negative
//     value keeps no idle connection at all.
//   - MaxIdleConnsPerHost larger than a non-zero MaxIdleConns: the total
//     caps it. A clone of DefaultTransport inherits MaxIdleConns 100.
//   - DisableKeepAlives set to true: every request opens and closes its
//     own connection. Reported at the construction, or at the
//     assignment when the transport comes from elsewhere.
//   - A custom TLSClientConfig, DialContext, Dial, DialTLSContext or
//     DialTLS without ForceAttemptHTTP2 on a transport built from
//     scratch: net/http then turns HTTP/2 off (Transport.protocols,
//     issue 14275), silently. A non-nil TLSNextProto or Protocols
//     decides HTTP/2 by itself (an empty TLSNextProto map is the
//     documented way to turn it off), so a transport that sets either is
//     taken as a deliberate choice.
//   - MaxConnsPerHost left at 0 (unlimited), only with -poolconfig.maxconns:
//     a burst opens as many connections to one host as there are
//     requests in flight.
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
// HTTP/2". The exception is MaxIdleConnsPerHost, whose 0 means 2.
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
//			TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
//		},
//		Timeout: 10 * time.Second,
//	}
//
// reports: http.Transport literal drops DefaultTransport's defaults
// (Proxy, dial timeout, TLS handshake timeout); leaves IdleConnTimeout
// at 0, so idle connections never close, and MaxIdleConnsPerHost at 2;
// and sets a custom TLSClientConfig without ForceAttemptHTTP2, which
// turns HTTP/2 off; start from http.DefaultTransport.(*http.Transport).Clone()
// and set MaxIdleConnsPerHost to the expected concurrency per host
//
// GOOD: start from DefaultTransport and size the pool for the traffic.
//
//	func newClient() *http.Client {
//		t := http.DefaultTransport.(*http.Transport).Clone()
//		t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
//		t.MaxIdleConns = 200
//		t.MaxIdleConnsPerHost = 64
//		return &http.Client{Transport: t, Timeout: 10 * time.Second}
//	}
//
// GOOD: a literal that mirrors the defaults on purpose.
//
//	t := &http.Transport{
//		Proxy:                 http.ProxyFromEnvironment,
//		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
//		ForceAttemptHTTP2:     true,
//		MaxIdleConnsPerHost:   32,
//		IdleConnTimeout:       90 * time.Second,
//		TLSHandshakeTimeout:   5 * time.Second,
//	}
//
// Flags:
//
//	-poolconfig.defaults            report transports built from scratch that drop DefaultTransport's Proxy, dial timeout and TLS handshake timeout (default true)
//	-poolconfig.idle-timeout        report transports built from scratch that leave IdleConnTimeout at 0 (default true)
//	-poolconfig.idle-per-host       report MaxIdleConnsPerHost left at 2, or set to 0 or less (default true)
//	-poolconfig.min-idle-per-host   also report a constant MaxIdleConnsPerHost below this value; 0 turns it off (default 0)
//	-poolconfig.idle-cap            report MaxIdleConnsPerHost larger than a non-zero MaxIdleConns (default true)
//	-poolconfig.keepalives          report DisableKeepAlives set to true (default true)
//	-poolconfig.http2               report a custom TLSClientConfig or dialer without ForceAttemptHTTP2 (default true)
//	-poolconfig.maxconns            report MaxConnsPerHost left unlimited (default false)
//	-poolconfig.tests               also report in _test.go files (default false)
package poolconfig
