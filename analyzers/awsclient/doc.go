// Package awsclient defines an Analyzer that reports AWS SDK clients,
// configs and sessions built on a path that runs once per Lambda
// invocation or once per request.
//
// # Analyzer awsclient
//
// awsclient: report AWS SDK clients, configs and sessions built per Lambda invocation or per request
//
// An AWS SDK client owns a connection pool. A Lambda function's process
// lives across invocations: code outside the handler runs once per cold
// start, code inside it on every invocation. A client built inside the
// handler pays a new TCP and TLS handshake on every invocation, and each
// abandoned pool keeps its idle sockets open until they time out, until a
// warm function runs into Lambda's limit of 1024 file descriptors
// ("too many open files"). The same holds for HTTP handlers, gRPC
// methods and loop bodies.
//
// What the SDK does under the hood (aws-sdk-go-v2; file names are those
// of the SDK's source):
//
//   - config.LoadDefaultConfig reads the environment and the shared
//     config files and builds a new credentials cache every time. It
//     leaves cfg.HTTPClient nil unless a custom CA bundle or
//     WithHTTPClient is given (config/resolve.go).
//   - Every service constructor, svc.NewFromConfig(cfg) and svc.New(o),
//     calls resolveHTTPClient (service/*/api_client.go): with a nil
//     HTTPClient it calls awshttp.NewBuildableClient(), whose transport
//     is a new *http.Transport with MaxIdleConnsPerHost 10
//     (aws/transport/http/client.go: defaultHTTPTransport). So a cfg
//     loaded once does not help: each NewFromConfig call still builds a
//     pool of its own.
//   - A shared *awshttp.BuildableClient in cfg.HTTPClient is copied
//     again by WithDialerOptions and WithTransportOptions, which Clone()
//     its transport, whenever the DefaultsMode is not legacy
//     (aws/defaults/defaults.go returns an error only for legacy and
//     unknown modes). Only a client that is not a BuildableClient, such
//     as the one BuildableClient.Freeze() returns, is passed through as
//     is.
//
// In aws-sdk-go (v1), session.NewSession loads every configuration value
// from the environment and the config files and sets up a new
// credentials chain, and each service New(sess) builds a client of its
// own. The session package's documentation says sessions should be
// cached and shared (aws/session/doc.go). A session with a custom CA
// bundle or client TLS certificate also builds a new *http.Transport
// (aws/session/session.go: getCustomTransport).
//
// The analyzer reports, on a per-request path:
//
//   - aws-sdk-go-v2: config.LoadDefaultConfig; every service package's
//     NewFromConfig(aws.Config, ...func(*Options)) *Client and
//     New(Options, ...func(*Options)) *Client, recognised by package path
//     (github.com/aws/aws-sdk-go-v2/service/...) and signature, not by a
//     list of services; awshttp.NewBuildableClient;
//   - aws-sdk-go v1: session.NewSession, session.New and
//     session.NewSessionWithOptions, also inside session.Must(...); every
//     service package's New(p client.ConfigProvider, cfgs ...*aws.Config);
//   - a call to a function, in this package or another, that builds one
//     of those on every call. The finding is reported at the call in the
//     per-request path and points at the construction.
//
// Per-request paths are those of the perrequest analyzer: Lambda
// handlers given to lambda.Start and friends (a function, a literal, a
// method value, the closure a factory returns, a handler type's Invoke),
// net/http and framework handlers, gRPC methods, RoundTrip methods,
// controller-runtime reconcilers, client-go informer event handlers, loop
// bodies, and the goroutines and closures they start.
//
// Like perrequest, it also reports a config, session or client built,
// used and dropped on every call of a function that is not start-up
// code (an uploader's Upload, a notifier's Notify, directly or through a
// helper such as n.newSNSClient(ctx)), and a loop that builds the same
// config or client on every iteration.
//
// aws-sdk-go v1 service clients share their session's HTTP client, so
// svc.New(sess, &aws.Config{Region: r}) is no new pool: it is reported
// on a per-request path, but not per call or in a loop. A loop that
// builds one session or client per profile, region or account (from the
// loop variable) is how such clients are made, and is silent unless the
// loop runs per request. The same holds per call: a function that builds
// a config or client from its own input (config.WithRegion(region) with
// region a parameter, or a helper given values derived from the
// parameters that reads no field of its receiver, such as a getter that
// loads one config per URL it downloads) builds one per item, since the
// region, profile or credentials change with the call; it is reported
// only when a per-request path calls it. A helper that builds from its
// receiver's configuration (n.conf.Region) builds the same config every
// call and is reported. A package factory called per call by several of
// its functions (getClient() in every API wrapper of a CLI) is one
// finding at the factory, listing its callers.
//
// It stays silent when the client is built once or kept:
//
//   - in init, package-level variables, main before lambda.Start, and a
//     handler factory that runs once and returns the handler closure;
//   - inside sync.Once.Do, sync.OnceValue or sync.OnceFunc, or behind a
//     nil check on a field or package-level variable, or on what a
//     getter of such a field returns;
//   - in a function whose every caller is a lazy initialiser of its
//     receiver ("if d.ec2 != nil { return d.ec2, nil }", then d.ec2 set
//     later in the method): once per receiver;
//   - in an unexported method of T that only T's constructors call
//     (aws-iam-authenticator's (*Server).getHandler, called from
//     server.New): once per object;
//   - a handler that only uses a client built elsewhere, or only reads a
//     cfg loaded once;
//   - a client stored in a field, a package-level variable, a map,
//     returned (a New... function that returns a struct holding it), or
//     handed to a goroutine;
//   - a rebuild guarded by an expiry check (time.Until(creds.Expires) <
//     5*time.Minute) or in a refresher loop that waits for the expiry;
//   - test files and test helpers (functions given a *testing.T,
//     *testing.B, *testing.F or testing.TB, as in a testutil package),
//     unless -awsclient.tests is set.
//
// BAD: a new config and a new pool on every invocation.
//
//	func HandleEvent(ctx context.Context, ev Event) error {
//		cfg, err := config.LoadDefaultConfig(ctx)
//		if err != nil {
//			return err
//		}
//		client := s3.NewFromConfig(cfg)
//		_, err = client.PutObject(ctx, &s3.PutObjectInput{...})
//		return err
//	}
//
// GOOD: build the client once per cold start and share it; it is safe
// for concurrent use.
//
//	var client *s3.Client
//
//	func init() {
//		cfg, err := config.LoadDefaultConfig(context.Background())
//		if err != nil {
//			log.Fatal(err)
//		}
//		client = s3.NewFromConfig(cfg)
//	}
//
//	func HandleEvent(ctx context.Context, ev Event) error {
//		_, err := client.PutObject(ctx, &s3.PutObjectInput{...})
//		return err
//	}
//
// Flags:
//
//	-awsclient.tests   also report in _test.go files (default false)
package awsclient
