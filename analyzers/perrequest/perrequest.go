package perrequest

import (
	_ "embed"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the perrequest analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests        bool
	constructors constructors
}

// New returns a fresh perrequest analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "perrequest",
		Doc:       docs.MustExtract(doc, "perrequest"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/perrequest",
		Requires:  []*analysis.Analyzer{reqpath.Analyzer},
		Run:       func(pass *analysis.Pass) (any, error) { return reqpath.Run(pass, cfg.spec()) },
		FactTypes: []analysis.Fact{new(buildsPool), new(hasPoolBuilders)},
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	a.Flags.Var(&cfg.constructors, "constructors", "comma-separated importpath.Func, importpath.Type or importpath.Type.Method that build a connection pool on every call (database/sql.Open, a redis or SDK client): they count like http.Transport")
	return a
}

// buildsPool marks a function that builds a connection pool on every
// call. Returns is set when it hands every pool it builds to its caller.
type buildsPool struct{ reqpath.BuilderSummary }

func (*buildsPool) AFact()           {}
func (f *buildsPool) String() string { return f.Format("buildsPool") }

// hasPoolBuilders marks a package that exports at least one builder,
// so that importers without net/http know they must look.
type hasPoolBuilders struct{}

func (*hasPoolBuilders) AFact()         {}
func (*hasPoolBuilders) String() string { return "hasPoolBuilders" }

// pools is perrequest's table of constructions: the connection-pool
// types, each value of which is a pool of its own (literal, new, copy,
// Clone), and the constructors that build one.
var pools = []reqpath.Pattern{
	// net/http's pool: every Transport value owns its idle connections.
	{Pkg: typesutil.NetHTTP, Type: "Transport"},
	// The standalone HTTP/2 transport keeps its own connection pool.
	{Pkg: "golang.org/x/net/http2", Type: "Transport"},
	// gRPC: a *grpc.ClientConn is an HTTP/2 connection pool (it resolves,
	// balances and keeps its subchannels' connections). Dialing per
	// request, or dial-call-close per call, pays TCP, TLS and HTTP/2
	// set-up every time. NewClient replaces the deprecated Dial and
	// DialContext, which build the same ClientConn.
	{Pkg: "google.golang.org/grpc", Funcs: []string{"NewClient", "Dial", "DialContext"}},
	// fasthttp: a Client keeps one HostClient, and so one pool of
	// connections, per host it talks to; a HostClient is that pool.
	{Pkg: "github.com/valyala/fasthttp", Type: "Client"},
	{Pkg: "github.com/valyala/fasthttp", Type: "HostClient"},
}

// spec is perrequest's Spec for one run.
func (cfg *config) spec() *reqpath.Spec {
	patterns := pools
	if len(cfg.constructors.patterns) > 0 {
		patterns = append(slices.Clip(pools), cfg.constructors.patterns...)
	}
	return &reqpath.Spec{
		Patterns:    patterns,
		Fact:        func() reqpath.BuilderFact { return new(buildsPool) },
		PackageFact: func() analysis.Fact { return new(hasPoolBuilders) },
		Tests:       cfg.tests,
	}
}
