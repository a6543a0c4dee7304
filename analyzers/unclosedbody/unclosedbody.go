package unclosedbody

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/poollint/poollint/analyzers/internal/bodyown"
	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer is the unclosedbody analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests bool
}

// New returns a fresh unclosedbody analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:     "unclosedbody",
		Doc:      docs.MustExtract(doc, "unclosedbody"),
		URL:      "https://pkg.go.dev/github.com/poollint/poollint/analyzers/unclosedbody",
		Requires: []*analysis.Analyzer{inspect.Analyzer, bodyown.Analyzer},
		Run:      cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files and in test helpers (functions that take a *testing.T, B, F or testing.TB)")
	return a
}

func (c *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	if !bodyown.MentionsResponse(pass.Pkg, pass.TypesInfo) {
		return nil, nil
	}
	owners := pass.ResultOf[bodyown.Analyzer].(*bodyown.Owners)
	for f := range owners.Funcs(pass, c.tests) {
		defs, discards := f.Defs()
		for _, d := range discards {
			if owners.Opens(d.Call, f.Body) {
				reportDiscard(pass, d)
			}
		}
		for _, d := range defs {
			checkEarlyDefer(pass, f, d)
			// Skip responses closed by the callee, synthetic or passed
			// through, responses to HEAD requests (no body), and a
			// response derived from the one the variable held (v =
			// wrap(v)): the search from v's first definition follows it.
			if owners.Opens(d.Call, f.Body) && !owners.Head(f.Body, d.Call) && !owners.Rewraps(d) {
				check(pass, owners, f, d)
			}
		}
	}
	return nil, nil
}

func reportDiscard(pass *analysis.Pass, d bodyown.Discard) {
	pass.Report(analysis.Diagnostic{
		Pos:     d.Call.Pos(),
		End:     d.Call.End(),
		Message: "response is discarded, so its body is never closed; assign it and defer resp.Body.Close() after the error check",
	})
}

// rule is unclosedbody's step on a path from d: the path is safe once
// the body is closed or handed on, or the process ends; it leaks at a
// return that does not hand the response to the caller, or when it
// comes back to d in a loop (d overwrites the response).
func rule(owners *bodyown.Owners, f *bodyown.Func, d bodyown.Def) bodyown.Rule[struct{}] {
	return func(n ast.Node, s struct{}) (bodyown.Step, struct{}) {
		if n == d.Stmt {
			return bodyown.Report, s
		}
		if owners.Scan(n, d.Var, f.Body) != bodyown.None || bodyown.NoReturn(f.Info, n) {
			return bodyown.Safe, s
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			if f.NakedReturnHands(ret, d.Var) {
				return bodyown.Safe, s
			}
			return bodyown.Report, s
		}
		return bodyown.Next, s
	}
}

func check(pass *analysis.Pass, owners *bodyown.Owners, f *bodyown.Func, d bodyown.Def) {
	h, found := bodyown.Search(f, d, struct{}{}, rule(owners, f, d))
	if !found {
		return
	}
	name := d.Var.Name()
	fix := "close it with defer " + name + ".Body.Close() after the error check"
	var msg, rel string
	at := h.At
	switch ret, _ := h.At.(*ast.ReturnStmt); {
	case h.At == d.Stmt:
		at = h.Jump
		if at != nil {
			msg = fmt.Sprintf("response body is not closed on the path that continues the loop here, and %s is overwritten in the next iteration; close it before continuing", name)
			rel = "the response body leaks when the loop continues here"
		} else {
			at = f.Loop(d.Stmt)
			msg = fmt.Sprintf("response body is not closed before %s is overwritten in the next loop iteration; close it before the iteration ends", name)
			rel = "the loop repeats without closing the response body"
		}
	case ret != nil && f.IsImplicitReturn(ret):
		msg = "response body is not closed on the path that reaches the end of the function; " + fix
		rel = "the response body leaks when the function ends here"
	default:
		msg = "response body is not closed on the path that returns here; " + fix
		rel = "the response body leaks when the function returns here"
	}
	never := !closedAnywhere(owners, f, d.Var, d.Stmt)
	if never {
		msg = "response body is never closed; " + fix
	}
	diag := analysis.Diagnostic{
		Pos:     d.Call.Pos(),
		End:     d.Call.End(),
		Message: msg,
	}
	if at != nil {
		diag.Related = []analysis.RelatedInformation{bodyown.Related(pass, at, rel)}
	}
	if never {
		diag.SuggestedFixes = suggest(pass, f, d)
	}
	pass.Report(diag)
}

// closedAnywhere reports whether any CFG node other than the definition
// closes or hands on v.
func closedAnywhere(owners *bodyown.Owners, f *bodyown.Func, v *types.Var, def ast.Node) bool {
	for _, b := range f.CFG().Blocks {
		for _, n := range b.Nodes {
			if n == def {
				continue
			}
			if owners.Scan(n, v, f.Body) != bodyown.None {
				return true
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && f.NakedReturnHands(ret, v) {
				return true
			}
		}
	}
	return false
}

// suggest offers "Add defer resp.Body.Close()" when the shape is
// simple: the definition is a statement of the function body itself
// (not in a loop or branch), followed by an "if err != nil { ... }"
// with no else, or with no error at all.
func suggest(pass *analysis.Pass, f *bodyown.Func, d bodyown.Def) []analysis.SuggestedFix {
	as, ok := d.Stmt.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	idx := -1
	for i, s := range f.Body.List {
		if s == as {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	after := ast.Node(as)
	if d.Err != nil {
		if idx+1 >= len(f.Body.List) {
			return nil
		}
		ifs, ok := f.Body.List[idx+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !bodyown.Dead(pass.TypesInfo, ifs.Cond, true, d.Var, d.Err, true) {
			return nil
		}
		after = ifs
	}
	tf := pass.Fset.File(after.End())
	line := tf.Line(after.End())
	if line >= tf.LineCount() {
		return nil
	}
	at := tf.LineStart(line + 1)
	col := pass.Fset.Position(as.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	text := indent + "defer " + d.Var.Name() + ".Body.Close()\n"
	return []analysis.SuggestedFix{{
		Message:   "Add defer " + d.Var.Name() + ".Body.Close()",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}}
}

// checkEarlyDefer reports defer resp.Body.Close() placed between the
// call and its error check, in the same block:
//
//	resp, err := http.Get(url)
//	defer resp.Body.Close() // resp is nil when err is non-nil
//	if err != nil {
//
// When the request fails, resp is nil and the deferred call panics. A
// statement in between that tests err (a guard) keeps it silent, and so
// does the lack of any later test of err.
func checkEarlyDefer(pass *analysis.Pass, f *bodyown.Func, d bodyown.Def) {
	def, ok := d.Stmt.(ast.Stmt) // not a var declaration's ValueSpec
	if d.Err == nil || !ok {
		return
	}
	var list []ast.Stmt
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if list != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			if slices.Contains(n.List, def) {
				list = n.List
			}
		case *ast.CaseClause:
			if slices.Contains(n.Body, def) {
				list = n.Body
			}
		}
		return true
	})
	i := slices.Index(list, def)
	if i < 0 {
		return
	}
	for j := i + 1; j < len(list); j++ {
		st := list[j]
		if bodyown.Assigns(f.Info, st, d.Var) || bodyown.Assigns(f.Info, st, d.Err) {
			return
		}
		if ifs, ok := st.(*ast.IfStmt); ok && bodyown.Dead(f.Info, ifs.Cond, true, nil, d.Err, true) && leaves(f.Info, ifs.Body) {
			return // the error check, before the defer
		}
		if !isBodyCloseDefer(f.Info, st, d.Var) {
			continue
		}
		for _, later := range list[j+1:] {
			ifs, ok := later.(*ast.IfStmt)
			if ok && ifs.Init == nil && bodyown.Dead(f.Info, ifs.Cond, true, nil, d.Err, true) {
				pass.Report(analysis.Diagnostic{
					Pos:     st.Pos(),
					End:     st.End(),
					Message: fmt.Sprintf("%s.Body.Close is deferred before the error check, and %s is nil when the request fails, so the deferred call panics; defer it after the error check", d.Var.Name(), d.Var.Name()),
					Related: []analysis.RelatedInformation{bodyown.Related(pass, ifs, "the error is checked here")},
				})
				return
			}
			if bodyown.Mentions(f.Info, later, d.Err) {
				return
			}
		}
		return
	}
}

// leaves reports whether block ends by leaving the statement list: a
// return, a branch, or a call that never returns.
func leaves(info *types.Info, block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch last := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
				return info.Uses[id] == types.Universe.Lookup("panic")
			}
		}
		return bodyown.NoReturn(info, last)
	}
	return false
}

// isBodyCloseDefer reports whether st is defer v.Body.Close(), or a
// deferred closure that calls it unguarded (defer func() { _ =
// v.Body.Close() }()): at the top level of the closure, not under a
// nil check.
func isBodyCloseDefer(info *types.Info, st ast.Stmt, v *types.Var) bool {
	ds, ok := st.(*ast.DeferStmt)
	if !ok || len(ds.Call.Args) != 0 {
		return false
	}
	if lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit); ok {
		for _, s := range lit.Body.List {
			var e ast.Expr
			switch s := s.(type) {
			case *ast.ExprStmt:
				e = s.X
			case *ast.AssignStmt:
				if len(s.Rhs) == 1 {
					e = s.Rhs[0]
				}
			}
			if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 0 && isBodyClose(info, call.Fun, v) {
				return true
			}
		}
		return false
	}
	return isBodyClose(info, ds.Call.Fun, v)
}

// isBodyClose reports whether fun is v.Body.Close.
func isBodyClose(info *types.Info, fun ast.Expr, v *types.Var) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return false
	}
	body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || body.Sel.Name != "Body" {
		return false
	}
	id, ok := ast.Unparen(body.X).(*ast.Ident)
	return ok && info.Uses[id] == v
}
