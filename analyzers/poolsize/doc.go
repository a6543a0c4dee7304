// Package poolsize defines an Analyzer that reports connection pools
// that keep fewer idle connections per host than the concurrency that
// sends through them to one host.
//
// # Analyzer poolsize
//
// poolsize: report connection pools smaller than the concurrency that sends through them to one host
//
// An http.Transport keeps a few idle connections per host for reuse:
// http.DefaultTransport (and so http.DefaultClient, http.Get and a
// client with a nil Transport) keeps 2, the DefaultMaxIdleConnsPerHost,
// and every aws-sdk-go-v2 service client built without an HTTPClient
// keeps 10. Under N concurrent requests to one host, N connections
// open; when they finish, all but 2 (or 10) are closed. Every burst
// pays new TCP and TLS handshakes, the closed sockets sit in TIME_WAIT,
// and at scale the service fails with "connect: cannot assign requested
// address" or spends its CPU on handshakes.
//
// This is an HTTP/1.1 cost: HTTP/2 multiplexes the requests to a host
// over one connection. It applies to plain http:// URLs, to S3 and the
// other AWS endpoints that speak HTTP/1.1, to hosts that do not
// negotiate h2, and to transports that lose HTTP/2 (a custom TLS config
// or dialer without ForceAttemptHTTP2); the findings say "over HTTP/1.1".
//
// Measured on loopback (bench/poolsize-exp: 2000 requests per run, Go
// 1.26), new connections per 1000 requests, with 2 idle connections per
// host against a pool sized to N:
//
//   - N = 8 goroutines: 750 in bursts (N requests at a time), 386 back to
//     back (N workers), against 4 sized to 8;
//   - N = 32: 936 in bursts, 718 back to back, against 16;
//   - N = 64: 965 in bursts, 806 back to back, against 32.
//
// The sized pool opens N connections once and reuses them; the default
// pool opens a new connection for most requests. Burst figures repeat
// to within 1 per 1000 between runs; back-to-back ones vary (282 to 386
// at N = 8, 780 to 806 at N = 64).
//
// The analyzer reports a pool only when the code shows concurrency above
// its per-host idle limit, to one host. Concurrency is:
//
//   - goroutines started in a for or range loop: go statements,
//     errgroup.Group.Go and sync.WaitGroup.Go, directly or through a
//     function of the package they call;
//   - bounded by a constant loop count, a pool of N workers reading one
//     channel, errgroup SetLimit(n), a semaphore channel of capacity n,
//     or an x/sync semaphore.NewWeighted(n); unbounded when one
//     goroutine starts per item of the input;
//   - an HTTP handler or gRPC method, which runs once per incoming
//     request (unbounded), with the helpers of the package it calls;
//   - the s3 manager: manager.NewUploader and NewDownloader with a
//     Concurrency above the client's limit (the default, 5, fits the
//     SDK's 10).
//
// The pool is followed from the client to its transport: http.Get & co
// and http.DefaultClient; a client with a nil Transport; an
// http.Transport literal, new(http.Transport) or a Clone, with the
// MaxIdleConnsPerHost it sets (in the literal or later); a decorator
// round tripper (a struct with a RoundTrip method) around one of those;
// a client built
// by a helper or kept in a package variable or struct field, also in
// another package; an aws-sdk-go-v2 service client built by
// NewFromConfig or New, and the HTTPClient its config or options give
// it, such as awshttp.NewBuildableClient().WithTransportOptions(...).
//
// A request goes to one host when its URL is a constant, or a fixed
// base URL (a constant, a field, a variable captured from outside the
// loop) followed by a path, built by +, fmt.Sprintf, url.JoinPath or
// http.NewRequest; an aws-sdk-go-v2 service client has one endpoint,
// and s3 one per bucket.
//
// It stays silent on sequential use (a loop that waits for each
// goroutine), on loops over a channel or endless loops (a ticker, a
// queue or Accept may pace them: the overlap is unknown), on Lambda
// handlers (one execution environment runs one
// invocation at a time), on fan-outs whose URL comes from the work item
// (a crawler, one request per service), on pools sized for the
// fan-out, on unbounded concurrency through a pool whose limit the code
// set, and wherever a bound, a limit or a client cannot be read (a limit
// computed at run time, a client passed in by the caller, a transport
// handed to another package).
//
// One finding per pool and fan-out, at the go statement or Go call, or
// for a handler at the request; related information points at the
// transport or client construction, the request and the loop or
// handler.
//
// BAD: 64 concurrent requests through http.DefaultClient's 2 idle
// connections per host.
//
//	g, ctx := errgroup.WithContext(ctx)
//	g.SetLimit(64)
//	for _, id := range ids {
//		g.Go(func() error {
//			req, _ := http.NewRequestWithContext(ctx, "GET", api+"/items/"+id, nil)
//			resp, err := http.DefaultClient.Do(req)
//			...
//		})
//	}
//
// GOOD: a transport that keeps as many idle connections as the fan-out
// uses.
//
//	t := http.DefaultTransport.(*http.Transport).Clone()
//	t.MaxIdleConnsPerHost = 64
//	client := &http.Client{Transport: t, Timeout: 30 * time.Second}
//
// For aws-sdk-go-v2, give the config an HTTPClient:
//
//	hc := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
//		t.MaxIdleConnsPerHost = 64
//	})
//	cfg, err := config.LoadDefaultConfig(ctx, config.WithHTTPClient(hc))
//
// Flags:
//
//	-poolsize.tests   also report in _test.go files (default false)
package poolsize
