package poolconfig

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the poolconfig analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests bool
	on    map[string]*bool // rule flag -> enabled
}

func (cfg *config) enabled(flag string) bool { return *cfg.on[flag] }

// configuresTransport is the fact that a function sets fields of the
// *http.Transport passed as one of its parameters.
type configuresTransport struct{ fieldflow.HelperSummary }

func (*configuresTransport) AFact()           {}
func (f *configuresTransport) String() string { return f.Format("configuresTransport") }

func newFact() fieldflow.HelperFact { return new(configuresTransport) }

// New returns a fresh poolconfig analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := &config{on: make(map[string]*bool)}
	a := &analysis.Analyzer{
		Name:      "poolconfig",
		Doc:       docs.MustExtract(doc, "poolconfig"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/poolconfig",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(configuresTransport)},
		Run:       cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	for _, r := range rules {
		cfg.on[r.flag] = a.Flags.Bool(r.flag, r.on, r.usage)
	}
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	// Phase 1: the fast path and the helper summaries.
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	if !fieldflow.Relevant(pass, new(configuresTransport)) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:     pass,
		Root:     insp.Root(),
		PkgPath:  typesutil.NetHTTP,
		Name:     "Transport",
		Imported: fieldflow.ImportHelpers(pass, newFact),
	}
	fieldflow.ExportHelpers(pass, tr.Summarize(), nil, newFact)
	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultTransport itself is the reference
	}
	skip := func(pos token.Pos) bool { return !cfg.tests && passutil.IsTestFile(pass, pos) }

	// Phase 2: each transport built here, judged by the rules.
	consumed := make(map[ast.Node]bool)
	cs := findClients(pass, insp.Root())
	for k := range tr.Constructions(skip) {
		t := &transport{pass: pass, tr: tr, base: zeroBase}
		if k.Kind == fieldflow.Call {
			if !fieldflow.IsDefaultTransport(pass.TypesInfo, k.Recv) {
				continue // a copy of a transport configured elsewhere
			}
			t.base = defaultBase
		}
		t.Flow = tr.Follow(k)
		t.use = cs.usage(t)
		for _, fs := range t.Fields {
			for _, f := range fs {
				if as, ok := f.Node.(*ast.AssignStmt); ok {
					consumed[as] = true
				}
			}
		}
		cfg.report(t)
	}

	// Phase 3: explicit settings on transports we did not follow: a
	// parameter, a field, a clone of a transport configured elsewhere.
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if consumed[as] || len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN || skip(as.Pos()) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if msg := cfg.globalAssignment(pass, sel, tr.FieldOf(sel)); msg != "" {
				pass.Report(analysis.Diagnostic{Pos: as.Pos(), End: as.End(), Message: msg})
				continue
			}
			if msg := cfg.assignment(pass, sel, tr.FieldOf(sel), fieldflow.Const(pass.TypesInfo, as.Rhs[i])); msg != "" {
				pass.Report(analysis.Diagnostic{Pos: as.Pos(), End: as.End(), Message: msg})
			}
		}
	}
	return nil, nil
}

// assignment judges t.name = val on a transport that was not followed:
// keep-alives turned off on a transport kept in a package-level
// variable (or a field of one).
func (cfg *config) assignment(pass *analysis.Pass, sel *ast.SelectorExpr, name string, val constant.Value) string {
	if name != "DisableKeepAlives" || !cfg.enabled("keepalives") || !isTrue(val) {
		return ""
	}
	if root := fieldflow.PathRoot(pass.TypesInfo, sel.X); root == nil || !typesutil.IsPackageLevel(root) {
		return "" // a one-shot transport, as far as we can tell
	}
	return "DisableKeepAlives set to true on a transport kept for the whole program makes every request open a new connection; remove it so the transport reuses connections"
}

// globalAssignment judges http.DefaultTransport.(*http.Transport).F =
// v outside package main: a library (a plugin, an SDK) that changes the
// process-wide default transport changes every client in the program
// that has no transport of its own (corpus: telegraf's prometheus input
// turns TLS verification off for all of them). A program's main may
// tune its own default on purpose.
func (cfg *config) globalAssignment(pass *analysis.Pass, sel *ast.SelectorExpr, name string) string {
	if name == "" || !cfg.enabled("global") || pass.Pkg.Name() == "main" || !fieldflow.IsDefaultTransport(pass.TypesInfo, sel.X) {
		return ""
	}
	return "sets " + name + " on http.DefaultTransport, which every client without a transport of its own shares, so the whole program changes; set it on a transport of your own (http.DefaultTransport.(*http.Transport).Clone())"
}

// report builds the one diagnostic of a transport from the rules that
// are on.
func (cfg *config) report(t *transport) {
	var f finding
	for _, r := range rules {
		if cfg.enabled(r.flag) && r.judge != nil { // global is judged at assignments
			r.judge(t, &f)
		}
	}
	msg, ok := f.message(t)
	if !ok {
		return
	}
	var at ast.Node = t.Expr
	if f.at != nil && !f.constructed {
		at = f.at // an explicit value set after the construction
	}
	d := analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: msg}
	if f.fromScratch {
		if fix, ok := cloneFix(t.pass, t.tr, t.Flow); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	t.pass.Report(d)
}

func isTrue(v constant.Value) bool {
	return v != nil && v.Kind() == constant.Bool && constant.BoolVal(v)
}

func intOf(v constant.Value) (int64, bool) {
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
