package perrequest

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/poollint/poollint/analyzers/internal/docs"
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
		Name:     "perrequest",
		Doc:      docs.MustExtract(doc, "perrequest"),
		URL:      "https://pkg.go.dev/github.com/poollint/poollint/analyzers/perrequest",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
