// Package perrequest defines an Analyzer that reports HTTP connection
// pools (http.Transport values) built on a path that runs once per
// request.
//
// # Analyzer perrequest
//
// perrequest: report http.Transport built per request, per invocation or per loop iteration
//
// An http.Transport is a connection pool. Building one on a path that
// runs per request (an HTTP handler, a gRPC method, a Lambda invocation,
// a loop body, or any helper called from one) pays a TCP and TLS
// handshake on every request, and each abandoned pool keeps its idle
// sockets open until they time out. Under load this ends in EMFILE
// ("too many open files") and "cannot assign requested address".
//
// The analyzer reports, on a per-request path:
//
//   - &http.Transport{...}, http.Transport{...} and new(http.Transport);
//   - Clone() of a transport, such as
//     http.DefaultTransport.(*http.Transport).Clone();
//   - a by-value copy of a transport (*t);
//   - an http.Client that carries any of those;
//   - a gRPC client connection: grpc.NewClient, grpc.Dial and
//     grpc.DialContext return a *grpc.ClientConn, an HTTP/2 connection
//     pool;
//   - a fasthttp.Client or fasthttp.HostClient (literal or new): each
//     keeps its own connections;
//   - a call of one of the team's own pool constructors named with
//     -perrequest.constructors (database/sql.Open, a redis or SDK
//     client), which count like the built-ins everywhere;
//   - a call to a function, in this package or another, that builds a
//     transport on every call. The finding is reported at the call in
//     the per-request path and points at the construction.
//
// A per-request path starts at a root:
//
//   - a net/http handler: a function, method or literal with signature
//     func(http.ResponseWriter, *http.Request), including ServeHTTP
//     methods and anything given to HandleFunc, Handle or HandlerFunc;
//   - a gin, echo, fiber, fasthttp or connect-go handler, recognised by
//     a parameter type (*gin.Context, echo.Context, *fiber.Ctx,
//     *fasthttp.RequestCtx, *connect.Request[T]);
//   - a gRPC method: a method of a type registered with a generated
//     Register*Server function or embedding Unimplemented*Server; and a
//     gRPC server interceptor (a *grpc.UnaryServerInfo or
//     *grpc.StreamServerInfo parameter);
//   - an AWS Lambda handler given to lambda.Start, StartWithOptions,
//     StartHandler, StartHandlerFunc, NewHandler or NewHandlerWithOptions:
//     a function, a literal, a method value, the closure a factory
//     returns, or a handler type's Invoke method;
//   - RoundTrip of a type that implements http.RoundTripper, or a
//     function converted to a func type that does: it runs once per
//     outgoing request;
//   - a controller-runtime reconciler: a Reconcile(context.Context, R)
//     (reconcile.Result, error) method, or a function converted to
//     reconcile.Func, runs once per reconcile request;
//   - a client-go informer event handler: a function set in
//     cache.ResourceEventHandlerFuncs (or its Detailed and Typed
//     variants), or the methods of a type that implements
//     cache.ResourceEventHandler, runs once per event;
//   - a for or range loop body, anywhere (main included), when the pool
//     it builds does not outlive the iteration and its configuration does
//     not depend on the iteration: the same pool rebuilt;
//   - goroutines and closures started from any of these.
//
// Per call: a pool built, used to send at least one request and dropped
// when its function returns is rebuilt on every call of that function,
// wherever it is called from (an API client's get, a notifier's Send, an
// uploader's Upload). It is reported at the construction, or at the
// call of a builder whose result the function uses and drops, as
// "created per call of F and dropped after use". Exported functions of
// a library count as per call. So does a loop that builds one pool per
// item in such a function. When two or more functions of a package each
// call one of its builders per call (a getClient() called by every API
// wrapper), the finding is one, at the construction in the builder,
// where the fix goes, with each call as related information; a call in a
// handler or a loop keeps its own finding. A call of a function that
// builds, uses and drops its own pool is that pool's finding, not a second
// one: its message names how often the function runs ("..., and probe
// runs per request in handler probeAll; ...").
//
// Builders may be conditional: "if hc.Transport == nil { hc.Transport =
// newTransport() }" on a parameter is a default, not a cache (resty's
// New). The fact says on which argument the function builds, and each
// call decides from its own: a fresh literal without the field builds,
// a field or global of the caller does not, a parameter passes the
// condition up to the caller.
//
// It stays silent when the pool is built once or kept:
//
//   - an http.Client with a nil Transport: it shares http.DefaultTransport;
//   - construction in main, init, package-level variables, and
//     constructors that are only called from those;
//   - lazy initialisation inside sync.Once.Do, sync.OnceValue or
//     sync.OnceFunc, or behind a nil check on a field or package-level
//     variable, or on what a getter returns (a method that only returns
//     a field of its receiver, under its mutex: "if o := a.getObserver();
//     o != nil { return }");
//   - a pool stored in a package-level variable, a field, a map or slice
//     element, sent on a channel, handed to a goroutine, returned, or
//     passed to code that may keep it;
//   - per call: code that runs once (main, init, package-level
//     initialisers, cobra and urfave/cli command bodies, and unexported
//     functions reached only from them); a deliberate one-shot
//     (DisableKeepAlives: true, or CloseIdleConnections before return);
//     a pool that is built but never sends a request; an unexported
//     method of T that only T's constructors call (a function that
//     builds a T and returns it, or an interface it implements),
//     directly or as the goroutine they start: it runs once per object
//     (a constructor called per request is still reported);
//   - per call: a function whose every caller is a lazy initialiser of
//     its receiver ("if r.F != nil { return r.F }" before the call, and
//     r.F set later in that method);
//   - memoization by time: a rebuild guarded by an expiry check
//     (time.Until, time.Since, Time.Before/After/Sub), or in a loop that
//     waits for the expiry, runs once per credential lifetime;
//   - one distinct pool per item in a loop (its TLS config, proxy or
//     endpoint comes from the loop variable), when the loop does not run
//     per request or per call;
//   - test files and test helpers (functions given a *testing.T,
//     *testing.B, *testing.F or testing.TB, as in a testutil package),
//     unless -perrequest.tests is set.
//
// BAD:
//
//	func (s *Server) Upload(w http.ResponseWriter, r *http.Request) {
//		client := &http.Client{
//			Transport: &http.Transport{MaxIdleConnsPerHost: 64},
//			Timeout:   10 * time.Second,
//		}
//		resp, err := client.Post(s.storageURL, "application/octet-stream", r.Body)
//		...
//	}
//
// GOOD: build the client once and share it; it is safe for concurrent use.
//
//	func NewServer(storageURL string) *Server {
//		t := http.DefaultTransport.(*http.Transport).Clone()
//		t.MaxIdleConnsPerHost = 64
//		return &Server{
//			storageURL: storageURL,
//			client:     &http.Client{Transport: t, Timeout: 10 * time.Second},
//		}
//	}
//
//	func (s *Server) Upload(w http.ResponseWriter, r *http.Request) {
//		resp, err := s.client.Post(s.storageURL, "application/octet-stream", r.Body)
//		...
//	}
//
// Flags:
//
//	-perrequest.tests          also report in _test.go files (default false)
//	-perrequest.constructors   comma-separated importpath.Func, importpath.Type or importpath.Type.Method whose every call (or value) is a new pool, e.g. database/sql.Open,example.com/sdk.Pool (default "")
package perrequest
