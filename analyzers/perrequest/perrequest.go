package perrequest

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the perrequest analyzer with default settings.
var Analyzer = New()

type config struct {
	tests bool
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
}

// spec is perrequest's Spec for one run.
func (cfg *config) spec() *reqpath.Spec {
	return &reqpath.Spec{
		Patterns:    pools,
		Fact:        func() reqpath.BuilderFact { return new(buildsPool) },
		PackageFact: func() analysis.Fact { return new(hasPoolBuilders) },
		Tests:       cfg.tests,
	}
}
