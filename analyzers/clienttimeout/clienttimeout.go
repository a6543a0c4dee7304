package clienttimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the clienttimeout analyzer with default settings.
var Analyzer = New()

type config struct {
	tests         bool
	allow         string
	helpers       bool
	defaultClient bool
}

// setsTimeout is the fact that a function sets Timeout on the
// *http.Client passed as one of its parameters.
type setsTimeout struct{ fieldflow.HelperSummary }

func (*setsTimeout) AFact()           {}
func (f *setsTimeout) String() string { return f.FormatParams("setsTimeout") }

func newFact() fieldflow.HelperFact { return new(setsTimeout) }

// New returns a fresh clienttimeout analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "clienttimeout",
		Doc:       docs.MustExtract(doc, "clienttimeout"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/clienttimeout",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(setsTimeout)},
		Run:       cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files and in packages named fake or fakes")
	a.Flags.StringVar(&cfg.allow, "allow", strings.Join(defaultAllow, ","), "comma-separated glob patterns of variables, fields, struct types or functions whose clients stream and need no Timeout; a pattern matches a whole name or a run of its CamelCase words; \"default\" stands for the default list")
	a.Flags.BoolVar(&cfg.helpers, "helpers", true, "report http.Get, http.Head, http.Post and http.PostForm")
	a.Flags.BoolVar(&cfg.defaultClient, "defaultclient", true, "report uses of http.DefaultClient")
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	// Phase 1: the fast path and the helper summaries (Timeout only).
	if !fieldflow.Relevant(pass, new(setsTimeout)) {
		return nil, nil
	}
	allow := parseAllow(cfg.allow)
	info := pass.TypesInfo
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:     pass,
		Root:     insp.Root(),
		PkgPath:  typesutil.NetHTTP,
		Name:     "Client",
		Imported: fieldflow.ImportHelpers(pass, newFact),
	}
	fieldflow.ExportHelpers(pass, tr.Summarize(), func(field string) bool { return field == "Timeout" }, newFact)
	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultClient itself
	}
	if !cfg.tests && isFakePackage(pass.Pkg) {
		return nil, nil // test doubles; the facts above still count
	}
	skip := func(pos token.Pos) bool { return !cfg.tests && passutil.IsTestFile(pass, pos) }

	// Phase 2: each client built here.
	for k := range tr.Constructions(skip) {
		if k.Kind != fieldflow.Call {
			cfg.check(pass, tr, tr.Follow(k), allow)
		}
	}

	// Phase 3: http.DefaultClient, directly or through http.Get and
	// friends, unless the package gives it a timeout (in main or
	// init, say).
	if defaultClientTimed(pass, insp.Root()) {
		return nil, nil
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)) {
		if skip(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := typesutil.Callee(info, n)
			if !cfg.helpers || !typesutil.IsFunc(fn, typesutil.NetHTTP, "Get", "Head", "Post", "PostForm") {
				continue
			}
			if allowed(pass, nil, cur, allow) || chosenAlternative(pass, tr, cur) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: n.Pos(), End: n.End(),
				Message: fmt.Sprintf("http.%s uses http.DefaultClient, which has no Timeout, so a stalled server blocks it forever; use an http.Client with a Timeout, or http.NewRequestWithContext with a deadline", fn.Name()),
			})
		case *ast.SelectorExpr:
			if !cfg.defaultClient || !isDefaultClient(info, n) {
				continue
			}
			if defaultClientUseOK(pass, cur) || allowed(pass, boundTo(cur), cur, allow) || chosenAlternative(pass, tr, cur) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: n.Pos(), End: n.End(),
				Message: "http.DefaultClient has no Timeout, so a stalled server blocks it forever; use an http.Client with a Timeout, or requests with a context deadline",
			})
		}
	}
	return nil, nil
}

// defaultClientTimed reports whether the package assigns
// http.DefaultClient.Timeout.
func defaultClientTimed(pass *analysis.Pass, root inspector.Cursor) bool {
	for cur := range root.Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && isDefaultClient(pass.TypesInfo, sel.X) && cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return true
		}
	}
	return false
}

func isDefaultClient(info *types.Info, e ast.Expr) bool {
	v, ok := typesutil.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultClient" && typesutil.IsPackageLevel(v)
}

// check reports a followed client construction when it has no Timeout.
func (cfg *config) check(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Flow, allow []string) {
	if c.Set("Timeout") || c.Escaped {
		return // any Timeout written, even 0, is a decision
	}
	cur := c.Cursor
	if allowed(pass, c.Path, cur, allow) || chosenAlternative(pass, tr, cur) {
		return
	}
	if c.Var != nil && c.Uses == 0 && len(c.Calls) > 0 && !typesutil.IsPackageLevel(c.Var) && allBounded(pass, cur, c.Calls) {
		return
	}
	subject := "http.Client literal"
	switch c.Kind {
	case fieldflow.New:
		subject = "new(http.Client)"
	case fieldflow.ZeroVar:
		subject = "zero http.Client"
	}
	pass.Report(analysis.Diagnostic{
		Pos: c.Expr.Pos(), End: c.Expr.End(),
		Message: subject + " has no Timeout, so a stalled server blocks its requests forever; set Timeout, or write Timeout: 0 with a comment if the client streams",
	})
}

// allBounded reports whether every call on a local client (built at
// cur) is a Do whose request carries a deadline or asks for a protocol
// upgrade, or CloseIdleConnections.
func allBounded(pass *analysis.Pass, cur inspector.Cursor, calls []*ast.CallExpr) bool {
	ccur, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	for _, call := range calls {
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if sel.Sel.Name == "CloseIdleConnections" {
			continue
		}
		if sel.Sel.Name != "Do" || len(call.Args) != 1 {
			return false
		}
		if dc, ok := ccur.FindNode(call); !ok || !hasDeadline(pass, dc, call.Args[0]) && !isUpgrade(pass, dc, call.Args[0]) {
			return false
		}
	}
	return true
}
