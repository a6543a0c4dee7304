package clienttimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
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
type setsTimeout struct {
	Params []string // parameter names, in order
	Index  []int
}

func (*setsTimeout) AFact() {}

func (f *setsTimeout) String() string {
	return "setsTimeout(" + strings.Join(f.Params, ", ") + ")"
}

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
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	a.Flags.StringVar(&cfg.allow, "allow", "", "comma-separated glob patterns of variables, fields, functions or types (pkg.Type, path/pkg.Type) whose clients are meant to stream and need no Timeout")
	a.Flags.BoolVar(&cfg.helpers, "helpers", true, "report http.Get, http.Head, http.Post and http.PostForm")
	a.Flags.BoolVar(&cfg.defaultClient, "defaultclient", true, "report uses of http.DefaultClient")
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !typesutil.Imports(pass.Pkg, typesutil.NetHTTP) && pass.Pkg.Path() != typesutil.NetHTTP {
		hasFacts := false
		for _, f := range pass.AllObjectFacts() {
			if _, ok := f.Fact.(*setsTimeout); ok {
				hasFacts = true
				break
			}
		}
		if !hasFacts {
			return nil, nil
		}
	}
	var allow []string
	for a := range strings.SplitSeq(cfg.allow, ",") {
		if a = strings.TrimSpace(a); a != "" {
			allow = append(allow, a)
		}
	}

	info := pass.TypesInfo
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:    pass,
		Root:    insp.Root(),
		PkgPath: typesutil.NetHTTP,
		Name:    "Client",
		Imported: func(fn *types.Func, i int) []string {
			var f setsTimeout
			if pass.ImportObjectFact(fn, &f) {
				for _, j := range f.Index {
					if j == i {
						return []string{"Timeout"}
					}
				}
			}
			return nil
		},
	}
	// Only Timeout matters here: keep the summaries to it.
	for fn, params := range tr.Summarize() {
		f := new(setsTimeout)
		sig := fn.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			for _, name := range params[i] {
				if name == "Timeout" {
					f.Params = append(f.Params, sig.Params().At(i).Name())
					f.Index = append(f.Index, i)
				}
			}
		}
		if len(f.Index) > 0 && fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}

	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultClient itself
	}

	// Does the package give http.DefaultClient a timeout (in main or
	// init, say)? Then its uses here are fine.
	defaultClientTimed := false
	for cur := range insp.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && isDefaultClient(info, sel.X) && cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
			defaultClientTimed = true
		}
	}

	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil), (*ast.SelectorExpr)(nil)) {
		if !cfg.tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			tv, ok := info.Types[n]
			if !ok || !(tr.IsType(tv.Type) || n.Type == nil && tr.IsPtr(tv.Type)) {
				continue
			}
			if len(n.Elts) > 0 {
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
					continue
				}
			}
			c := &fieldflow.Construction{Kind: fieldflow.Literal, Expr: n, Lit: n}
			ecur := cur
			if cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				ecur = cur.Parent()
				c.Expr = ecur.Node().(ast.Expr)
			}
			cfg.check(pass, tr, c, ecur, allow)
		case *ast.CallExpr:
			if isNewOf(info, n, tr) {
				cfg.check(pass, tr, &fieldflow.Construction{Kind: fieldflow.New, Expr: n}, cur, allow)
				continue
			}
			fn := typesutil.Callee(info, n)
			if cfg.helpers && !defaultClientTimed && typesutil.IsFunc(fn, typesutil.NetHTTP, "Get", "Head", "Post", "PostForm") {
				pass.Report(analysis.Diagnostic{
					Pos: n.Pos(), End: n.End(),
					Message: fmt.Sprintf("http.%s uses http.DefaultClient, which has no Timeout, so a stalled server blocks it forever; use an http.Client with a Timeout, or http.NewRequestWithContext with a deadline", fn.Name()),
				})
			}
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				continue
			}
			for i, id := range n.Names {
				v, _ := info.Defs[id].(*types.Var)
				if v == nil || id.Name == "_" || !tr.IsType(v.Type()) {
					continue
				}
				c := &fieldflow.Construction{Kind: fieldflow.ZeroVar, Expr: id}
				cfg.check(pass, tr, c, cur.ChildAt(edge.ValueSpec_Names, i), allow)
			}
		case *ast.SelectorExpr:
			if !cfg.defaultClient || defaultClientTimed || !isDefaultClient(info, n) {
				continue
			}
			if ok := cfg.defaultClientUseOK(pass, cur); ok {
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

// defaultClientUseOK reports whether the use of http.DefaultClient at
// cur is fine: a field read or write, a method that sends no request,
// or a Do whose request carries a deadline. Sending a request, or
// handing the client on, is not.
func (cfg *config) defaultClientUseOK(pass *analysis.Pass, cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.SelectorExpr_X {
		return false
	}
	sel := cur.Parent().Node().(*ast.SelectorExpr)
	switch sel.Sel.Name {
	case "Get", "Head", "Post", "PostForm":
		return false
	case "Do":
		if cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
		call := cur.Parent().Parent().Node().(*ast.CallExpr)
		return len(call.Args) == 1 && hasDeadline(pass, cur, call.Args[0])
	}
	return true // Timeout, Transport, CloseIdleConnections, ...
}

func isDefaultClient(info *types.Info, e ast.Expr) bool {
	v, ok := typesutil.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultClient" && typesutil.IsPackageLevel(v)
}

func isNewOf(info *types.Info, call *ast.CallExpr, tr *fieldflow.Tracker) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	return ok && tv.IsType() && tr.IsType(tv.Type)
}

// check follows one client construction and reports it when it has no
// Timeout.
func (cfg *config) check(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Construction, cur inspector.Cursor, allow []string) {
	tr.Follow(c, cur)
	if c.Set("Timeout") || c.Escaped {
		return // any Timeout written, even 0, is a decision
	}
	if allowed(pass, c, cur, allow) {
		return
	}
	if c.Var != nil && c.Uses == 0 && len(c.Calls) > 0 && !typesutil.IsPackageLevel(c.Var) {
		// Every use is a Do whose request carries a deadline.
		all := true
		for _, call := range c.Calls {
			sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if sel.Sel.Name == "CloseIdleConnections" {
				continue
			}
			if sel.Sel.Name != "Do" || len(call.Args) != 1 {
				all = false
				break
			}
			ccur, ok := enclosingFunc(cur)
			if !ok {
				all = false
				break
			}
			if dc, ok := ccur.FindNode(call); !ok || !hasDeadline(pass, dc, call.Args[0]) {
				all = false
				break
			}
		}
		if all {
			return
		}
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

// allowed reports whether the construction is bound to a name or type
// in the allow-list: the variable or field it is assigned to, the key
// it has in a struct literal, the struct type of that field, or the
// function it is built in.
func allowed(pass *analysis.Pass, c *fieldflow.Construction, cur inspector.Cursor, allow []string) bool {
	if len(allow) == 0 {
		return false
	}
	var names []string
	addType := func(t types.Type) {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			names = append(names, n.Obj().Name(), n.Obj().Pkg().Name()+"."+n.Obj().Name(), n.Obj().Pkg().Path()+"."+n.Obj().Name())
		}
	}
	switch p := c.Path.(type) {
	case *ast.Ident:
		names = append(names, p.Name)
	case *ast.SelectorExpr:
		names = append(names, p.Sel.Name)
		if tv, ok := pass.TypesInfo.Types[p.X]; ok {
			addType(tv.Type)
		}
	}
	top := cur
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.KeyValueExpr_Value {
		kv := top.Parent().Node().(*ast.KeyValueExpr)
		if id, ok := kv.Key.(*ast.Ident); ok {
			names = append(names, id.Name)
		}
		if lit, ok := top.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if tv, ok := pass.TypesInfo.Types[lit]; ok {
				addType(tv.Type)
			}
		}
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		names = append(names, decl.Name.Name)
		if decl.Recv != nil && len(decl.Recv.List) == 1 {
			if tv, ok := pass.TypesInfo.Types[decl.Recv.List[0].Type]; ok {
				addType(tv.Type)
			}
		}
	}
	for _, pat := range allow {
		for _, n := range names {
			if ok, _ := path.Match(pat, n); ok {
				return true
			}
		}
	}
	return false
}

// hasDeadline reports whether the request expression req, used at cur,
// is a variable built in the same function by
// http.NewRequestWithContext from a context made there by
// context.WithTimeout or context.WithDeadline (or their Cause forms).
func hasDeadline(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) bool {
	info := pass.TypesInfo
	fc, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || typesutil.IsPackageLevel(reqVar) {
		return false
	}
	// The single definition of v in the function: v, ... := call(...)
	def := func(v *types.Var) *ast.CallExpr {
		var found *ast.CallExpr
		n := 0
		for ac := range fc.Preorder((*ast.AssignStmt)(nil)) {
			as := ac.Node().(*ast.AssignStmt)
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				n++
				if len(as.Rhs) == 1 && i == 0 {
					found, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				}
			}
		}
		if n != 1 {
			return nil
		}
		return found
	}
	mk := def(reqVar)
	if mk == nil || !typesutil.IsFunc(typesutil.Callee(info, mk), typesutil.NetHTTP, "NewRequestWithContext") || len(mk.Args) == 0 {
		return false
	}
	ctxVar, ok := typesutil.ObjectOf(info, mk.Args[0]).(*types.Var)
	if !ok {
		return false
	}
	mc := def(ctxVar)
	return mc != nil && typesutil.IsFunc(typesutil.Callee(info, mc), "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}
