// Package clienttimeout defines an Analyzer that reports HTTP requests
// made through a client without a timeout.
//
// # Analyzer clienttimeout
//
// clienttimeout: report http.Client values without Timeout, http.Get and friends, and http.DefaultClient
//
// The zero http.Client has no Timeout, and neither has
// http.DefaultClient (net/http/client.go: "A Timeout of zero means no
// timeout"). A request through such a client waits as long as the
// server, or a half-dead connection, keeps it waiting: a stalled
// upstream then holds a goroutine, a socket and whatever the caller
// locked, forever. Under load that ends in goroutine pile-ups and file
// descriptor exhaustion. http.DefaultTransport bounds only the dial
// (30s) and the TLS handshake (10s); nothing bounds waiting for the
// response headers or reading the body.
//
// The analyzer reports, once each, at the construction:
//
//   - an http.Client literal, new(http.Client) or a zero-value
//     var c http.Client that never gets a Timeout;
//   - calls to http.Get, http.Head, http.Post and http.PostForm,
//     which use http.DefaultClient;
//   - uses of http.DefaultClient.
//
// It stays silent when:
//
//   - Timeout is set after construction: an assignment to the same
//     variable or field path later in the function (c.Timeout = ...),
//     anywhere in the package for a package-level variable (in init,
//     say), or a helper that sets it through a *http.Client parameter,
//     in this package or another (exported as a setsTimeout fact);
//   - the package assigns http.DefaultClient.Timeout (then http.Get and
//     http.DefaultClient are bounded too);
//   - every use of a local client, or a use of http.DefaultClient, is a
//     Do whose request was made in the same function by
//     http.NewRequestWithContext from a context.WithTimeout or
//     context.WithDeadline context;
//   - the client escapes to code the analyzer cannot see (assigned to
//     another variable, sent on a channel, passed to a function value);
//   - the client is deliberately without a timeout (see below);
//   - the code is in a _test.go file, unless -clienttimeout.tests is set.
//
// Client.Timeout covers the whole exchange, reading the body included,
// so it cuts off streaming responses (server-sent events, long polls,
// large downloads) and protocol upgrades such as WebSocket
// (golang/go#31391). Such clients rely on context deadlines instead.
// Say so in one of two ways:
//
//   - write the field: Timeout: 0 in the literal, or c.Timeout = 0,
//     with a comment that says why. Any Timeout written explicitly is
//     taken as a decision;
//   - or name it in -clienttimeout.allow, a comma-separated list of
//     glob patterns matched against the variable or field the client
//     is stored in, the key it has in a struct literal, the struct type
//     that holds that field (Type, pkg.Type or import/path.Type), and
//     the enclosing function or method's name and receiver type, e.g.
//     -clienttimeout.allow='stream*,*SSE*,example.com/events.Watcher'.
//
// BAD:
//
//	var api = &http.Client{Transport: transport}
//
//	func fetch(url string) (*http.Response, error) {
//		return http.Get(url)
//	}
//
// GOOD: bound every exchange, and mark the streaming client.
//
//	var api = &http.Client{Transport: transport, Timeout: 10 * time.Second}
//
//	var events = &http.Client{
//		Transport: transport,
//		Timeout:   0, // server-sent events: the stream lives for hours; requests carry a context
//	}
//
//	func fetch(ctx context.Context, url string) (*http.Response, error) {
//		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
//		defer cancel()
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//		if err != nil {
//			return nil, err
//		}
//		return api.Do(req)
//	}
//
// Flags:
//
//	-clienttimeout.allow           comma-separated glob patterns of variables, fields, struct types or functions whose clients stream and need no Timeout (default "")
//	-clienttimeout.helpers         report http.Get, http.Head, http.Post and http.PostForm (default true)
//	-clienttimeout.defaultclient   report uses of http.DefaultClient (default true)
//	-clienttimeout.tests           also report in _test.go files (default false)
package clienttimeout
