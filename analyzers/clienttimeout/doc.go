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
// A finding says what makes it true when it can: "ctx is in scope but
// not used for the request" (the fix is to use it), or "the request's
// context is context.Background(), which has no deadline".
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
//   - every request the client sends in the package is bounded, and
//     the client is used for nothing else: the client is kept in a
//     local variable, a package-level variable or a struct field, and
//     every Do through it (or through a local alias, client :=
//     s.client) takes a request built by http.NewRequestWithContext,
//     req.WithContext or req.Clone from a context with a deadline
//     (context.WithTimeout, context.WithDeadline), from a context the
//     caller controls (a context.Context parameter, r.Context() of an
//     incoming request, a context kept in a field that the package
//     never sets to context.Background() or TODO(), or whose Background
//     default an exported option or setter replaces with the caller's
//     context (func WithContext(ctx) Option) unless the client is an
//     exported package-level variable that other packages use
//     directly, or one derived from these by WithCancel, WithValue or
//     a helper that takes a context and returns one, such as
//     retry.Never(ctx), also in a closure), or by a helper given such a
//     context; a request that is a parameter of an unexported function
//     counts when every call of the function in the package passes
//     such a request, as does one of a method of an unexported type
//     that no exported interface lists, called directly or through the
//     package's own interfaces (a retrying Do(req) wrapper behind an
//     unexported httpClient interface); a request given a
//     context only when the caller supplies one (if r.ctx != nil {
//     return req.WithContext(r.ctx) }, as consul's QueryOptions do)
//     counts as the caller's choice. context.Background() and
//     context.TODO() are not bounds. A client handed to a call
//     together with a request (spdy.NegotiateStreaming(upgrader,
//     &client, req)) or a context (send(ctx, client, msg)) counts as
//     sending under it, and a client built as the receiver of its
//     send, (&http.Client{}).Do(req), sends that request. A local
//     variable stored in a field of the package's own struct types
//     (&T{client: c}, s.client = c) is followed into the field, and a
//     field through the calls of its accessor (return w.client).
//     The same holds for a use of http.DefaultClient (c :=
//     http.DefaultClient, &Service{client: http.DefaultClient}), and a
//     copy of it (c := *http.DefaultClient) is judged as a literal: by
//     its Timeout, its Transport (below) or its requests;
//   - the client is handed to an SDK constructor from another package
//     (github.NewClient(hc), or through one of its functional options,
//     github.NewClient(github.WithHTTPClient(hc))) that returns a
//     client whose methods, or its service fields' methods, take a
//     context.Context, and every call of those methods in the package
//     (directly, or through an interface the SDK's type implements)
//     passes a bounded context as above. A call that passes
//     context.Background() or TODO(), or calls the context-free form
//     of a method that has a Context or WithContext sibling, is
//     unbounded and reported; so is a client whose SDK is never called
//     with a context here. A field of another package's struct literal
//     (oras-go's &auth.Client{Client: hc}) is handed to that type the
//     same way, and a method that takes an *http.Request (Do(req))
//     sends that request, bounded or not as above;
//   - http.DefaultClient, or a client built there, is the fallback
//     assigned in if x == nil { x = http.DefaultClient } in a declared
//     function that takes a client from its caller (a *http.Client
//     parameter, or a struct parameter with a *http.Client field):
//     passing nil is the caller's choice. A function literal, such as a
//     functional option, is building the library's own value, and is
//     reported;
//   - the client is built by an exported function that returns it (or a
//     struct holding it) as a building block, and a caller in the
//     package sets Timeout on the result or bounds every request it
//     sends, as above: the factory leaves the timeout to its callers.
//     Callers in other packages are analysed after the factory, so a
//     factory with no such caller in its own package is reported. An
//     unexported function's callers are all in the package: the client
//     it returns is bounded when every call keeps it where it is
//     (client, err := defaultHTTPClient(u) stored in a field whose
//     every request carries the caller's context, as in the Docker
//     client);
//   - the request runs inside an AWS Lambda invocation: in a handler
//     given to lambda.Start (and its variants), or in a function only
//     such handlers call; the function's timeout bounds it;
//   - the code is an exported F beside an exported FContext whose first
//     parameter is a context.Context: the context-free form is the
//     API's convenience, like http.Get;
//   - the client is one of two clients on the same Transport in one
//     struct literal, and the other has a Timeout: the one without is
//     chosen per call on purpose;
//   - the client's Transport bounds a stalled server by itself: a
//     DefaultTransport clone (dial and TLS handshake timeouts kept), or
//     a transport with its own dialer and TLSHandshakeTimeout, that sets
//     ResponseHeaderTimeout; a whole-request Timeout would cut its long
//     polls and large downloads. The transport may be a variable whose
//     every value is either such a transport, one returned by a
//     function of the package that builds one (minio-go's
//     DefaultTransport), a round tripper wrapping one (rclone's
//     &fshttp.Transport{Transport: t}, also when t is an argument of
//     the function that wraps it), or the caller's own (a parameter,
//     or a field of one, such as opts.Transport), as long as the
//     package builds one of them. An exported function whose local
//     client has the caller's transport parameter as its only
//     Transport, sends only there and takes no context leaves the
//     bound to that transport (prom2json's FetchMetricFamilies);
//   - the code is a run-once command (package main code reached only
//     from main or init, not through a function literal handed on,
//     such as a handler) or an example program (a package path element
//     example, examples, _example or _examples): its user can interrupt
//     it, and some requests legitimately take minutes. Set
//     -clienttimeout.commands to report them;
//   - the client escapes to code the analyzer cannot see (assigned to
//     another variable, sent on a channel, passed to a function value),
//     except a package-level client that sends unbounded requests in
//     the package, which is reported;
//   - the client is deliberately without a timeout (see below);
//   - the code is in a _test.go file, in a function that takes a
//     *testing.T, *testing.B, *testing.F or testing.TB (test support
//     code in any file), or in a package named fake or fakes (test
//     doubles by convention, such as k8s.io/client-go/rest/fake),
//     unless -clienttimeout.tests is set.
//
// Client.Timeout covers the whole exchange, reading the body included,
// so it cuts off streaming responses (server-sent events, long polls,
// watches, log tails, large downloads) and protocol upgrades such as
// WebSocket or SPDY (golang/go#31391). Such clients rely on context
// deadlines instead. A client counts as deliberately without a
// timeout when:
//
//   - the field is written: Timeout: 0 in the literal, or
//     c.Timeout = 0, with a comment that says why. Any Timeout written
//     explicitly is taken as a decision;
//   - a name in -clienttimeout.allow matches the client's own name: the
//     variable or field the client is stored in, the key it has in a
//     struct literal, the struct type that holds that field (Type,
//     pkg.Type or import/path.Type), or the function or method it is
//     built or used in and its receiver type, when that function hands
//     a client, a response or a response body on to its caller (a
//     constructor, a Watch or Stream method; NewStreamWatcher(resp.Body)
//     counts). A function that uses a client for its own requests
//     (execQuery, tailLatency) does not name it. This holds for literals, new,
//     zero values, uses of http.DefaultClient and http.Get and
//     friends alike. Each entry is a glob pattern; it matches a whole
//     name, or (case-insensitively) a run of whole CamelCase words in
//     an identifier, so Watch matches Watch, watchPods and PodWatch,
//     and WebSocket matches newWebsocketConn, but Watch does not match
//     Watchdog nor Exec Execute. The default list names streaming and
//     upgrades: Watch, Stream, Upgrade, Hijack, Attach, Exec,
//     WebSocket, SPDY, Tail, Subscribe, LongPoll, SSE, EventSource and
//     some of their forms (Watcher, Streaming, Subscription, ...);
//     not Follow, which more often means following redirects.
//     Setting the flag replaces the list; the entry default stands for
//     the default list, so -clienttimeout.allow='default,*Feed' extends
//     it, and -clienttimeout.allow= empties it;
//   - every request the client sends (it is used only for Do) asks for
//     a protocol upgrade: the same function sets an Upgrade header on
//     the request, or Connection: Upgrade, with Header.Set or
//     Header.Add. The same holds for http.DefaultClient.Do(req);
//   - the client is one arm of an if statement whose other arm builds
//     a client with a Timeout from a non-constant value, and the
//     condition tests that value (or a numeric variable or field in
//     it). The other arm is the else branch, or the rest of the block
//     when the if branch ends in a return.
//
// The last rule is for code where a zero configured timeout means no
// timeout by choice, as in k8s.io/client-go's rest.HTTPClientFor:
//
//	if cfg.Timeout > 0 {
//		return &http.Client{Transport: t, Timeout: cfg.Timeout}, nil
//	}
//	return &http.Client{Transport: t}, nil // silent: the configuration decides
//
// Library clients that stream or long-poll by nature of their API (a
// Docker, Consul or S3 client, say) are silent when the package shows
// how their requests are bounded: every request carries the caller's
// context (or a context the caller may supply), or the default
// transport bounds a stalled server. Where the package shows neither,
// mark them with Timeout: 0 and a comment, or with -clienttimeout.allow.
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
//	-clienttimeout.allow           comma-separated glob patterns of variables, fields, struct types or functions whose clients stream and need no Timeout; a pattern matches a whole name or a run of its CamelCase words; "default" stands for the default list (default "Watch,Watcher,Watchers,Watching,Stream,Streams,Streamer,Streaming,Upgrade,Upgrader,Upgrading,Hijack,Hijacker,Attach,Exec,WebSocket,SPDY,Tail,Tailing,Subscribe,Subscriber,Subscription,LongPoll,LongPoller,LongPolling,SSE,EventSource")
//	-clienttimeout.helpers         report http.Get, http.Head, http.Post and http.PostForm (default true)
//	-clienttimeout.defaultclient   report uses of http.DefaultClient (default true)
//	-clienttimeout.commands        also report in run-once commands and example programs (default false)
//	-clienttimeout.tests           also report in _test.go files and in packages named fake or fakes (default false)
package clienttimeout
