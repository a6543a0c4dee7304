package perrequest

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the perrequest analyzer with default settings.
var Analyzer = ignore.Filter(New())

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
		Run:       cfg.run,
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

// pools are the connection-pool types: each value is a pool of its own.
var pools = []struct{ pkg, name string }{
	{typesutil.NetHTTP, "Transport"},
	{"golang.org/x/net/http2", "Transport"},
}

func isPool(t types.Type) (string, bool) {
	for _, p := range pools {
		if typesutil.IsNamed(t, p.pkg, p.name) {
			return pkgName(p.pkg) + "." + p.name, true
		}
	}
	return "", false
}

func pkgName(path string) string {
	if path == typesutil.NetHTTP {
		return "http"
	}
	return "http2"
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, passutil.PoolPaths()...) {
		return nil, nil // nothing here can build, configure or use a pool
	}
	info := pass.TypesInfo
	spec := reqpath.Spec{
		Nodes:       []ast.Node{(*ast.CompositeLit)(nil), (*ast.StarExpr)(nil)},
		Construct:   func(cur inspector.Cursor) (string, bool) { return construction(info, cur) },
		Fact:        func() reqpath.BuilderFact { return new(buildsPool) },
		PackageFact: func() analysis.Fact { return new(hasPoolBuilders) },
	}
	if passutil.InGOROOT(pass) || !reqpath.MayReach(pass, spec, isPoolPackage) {
		return nil, nil
	}
	model := pass.ResultOf[reqpath.Analyzer].(*reqpath.Model)
	for _, f := range model.Find(pass, spec) {
		if !cfg.tests && passutil.IsTestFile(pass, f.Node.Pos()) {
			continue
		}
		pass.Report(diagnostic(pass, f))
	}
	return nil, nil
}

func isPoolPackage(path string) bool {
	for _, p := range pools {
		if path == p.pkg {
			return true
		}
	}
	return false
}

// construction reports whether the node at cur builds a new pool.
func construction(info *types.Info, cur inspector.Cursor) (string, bool) {
	switch n := cur.Node().(type) {
	case *ast.CompositeLit: // http.Transport{...}
		return isPool(info.TypeOf(n))
	case *ast.StarExpr: // a by-value copy: t2 := *t
		if tv, ok := info.Types[n]; !ok || !tv.IsValue() {
			return "", false
		}
		switch cur.ParentEdgeKind() {
		case edge.AssignStmt_Rhs, edge.ValueSpec_Values, edge.KeyValueExpr_Value,
			edge.CompositeLit_Elts, edge.CallExpr_Args, edge.ReturnStmt_Results:
			return isPool(info.TypeOf(n))
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return isPool(info.TypeOf(n.Args[0]))
			}
		}
		if fn := typesutil.Callee(info, n); fn != nil && fn.Name() == "Clone" {
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
				if p, ok := types.Unalias(sig.Recv().Type()).(*types.Pointer); ok {
					return isPool(p.Elem())
				}
			}
		}
	}
	return "", false
}

func diagnostic(pass *analysis.Pass, f reqpath.Finding) analysis.Diagnostic {
	ctx := f.Context
	d := analysis.Diagnostic{Pos: f.Node.Pos(), End: f.Node.End()}
	if f.Callee != nil {
		d.Message = fmt.Sprintf("%s builds a new %s on every call, here %s; %s",
			typesutil.FuncName(f.Callee, pass.Pkg), f.What, ctx.Describe(), ctx.Advice())
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: f.What + " built here"})
		}
	} else {
		d.Message = fmt.Sprintf("%s %s %s; %s", f.What, verb(f.Node), ctx.Describe(), ctx.Advice())
	}
	d.Related = append(d.Related, ctx.Related()...)
	return d
}

func verb(n ast.Node) string {
	switch n.(type) {
	case *ast.StarExpr:
		return "copied by value"
	case *ast.CallExpr:
		if _, ok := n.(*ast.CallExpr).Fun.(*ast.Ident); ok {
			return "created"
		}
		return "cloned"
	}
	return "created"
}
