package clienttimeout

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Exemptions: clients without a Timeout whose requests are bounded, or
// unbounded by a visible decision.

// fakePackages are package names that hold test doubles by convention;
// their clients talk to in-memory round trippers or test servers, with
// no server to stall. Why each is there:
var fakePackages = []string{
	// k8s.io/client-go/rest/fake and the generated clientset fakes
	// (bench triage: client-go rest/fake/fake.go:35).
	"fake",
	// counterfeiter's default output package.
	"fakes",
}

// isFakePackage reports whether pkg is a test-double package (see
// [fakePackages]).
func isFakePackage(pkg *types.Package) bool {
	return slices.Contains(fakePackages, pkg.Name())
}

// defaultClientUseOK reports whether the use of http.DefaultClient at
// cur is fine: a field read or write, a method that sends no request,
// a Do whose request is bounded, or a local alias (client :=
// http.DefaultClient) whose every send is bounded. Otherwise it says
// why not, when it can.
func defaultClientUseOK(pass *analysis.Pass, cur inspector.Cursor) (bool, string) {
	switch cur.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		if !sendMethods[sel.Sel.Name] {
			return true, "" // Timeout, Transport, CloseIdleConnections, ...
		}
		if cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false, "" // a method value
		}
		call := cur.Parent().Parent()
		b := sendBounded(pass, call, call.Node().(*ast.CallExpr), sel.Sel.Name)
		return b.ok, b.why
	case edge.CallExpr_Args:
		// f(ctx, http.DefaultClient, ...): the callee sends under the
		// context it is given.
		call := cur.Parent().Node().(*ast.CallExpr)
		for _, a := range call.Args {
			if typesutil.IsNamed(pass.TypesInfo.TypeOf(a), "context", "Context") {
				b := ctxBounded(pass, cur, a, 0)
				return b.ok, b.why
			}
		}
		return false, ""
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		alias, ok := typesutil.ObjectOf(pass.TypesInfo, boundTo(cur)).(*types.Var)
		fc, inFunc := fieldflow.EnclosingFunc(cur)
		if !ok || !inFunc || typesutil.IsPackageLevel(alias) {
			return false, ""
		}
		return sendsBounded(pass, fc, alias, nil)
	}
	return false, ""
}

// sendsBounded reports whether the client kept in obj sends at least
// one request in root, is used for nothing else, and every request it
// sends is bounded (or runs in a Lambda invocation, when pl is given);
// otherwise it says why the first unbounded send is not, when it can.
func sendsBounded(pass *analysis.Pass, root inspector.Cursor, obj types.Object, pl *places) (bool, string) {
	sends, closed := sendsThrough(pass, root, obj)
	for _, s := range sends {
		if pl != nil && pl.inLambda(s) {
			continue // the invocation's deadline bounds it
		}
		call := s.Node().(*ast.CallExpr)
		method := ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name
		if b := sendBounded(pass, s, call, method); !b.ok {
			return false, b.why
		}
	}
	return closed && len(sends) > 0, ""
}

// isUpgrade reports whether the request variable req, used at cur,
// asks for a protocol upgrade in the same function:
// req.Header.Set("Upgrade", ...) or req.Header.Set("Connection",
// "Upgrade") (or Add). The response to an upgrade is a connection that
// lives as long as the session, which a Timeout would cut.
func isUpgrade(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) bool {
	info := pass.TypesInfo
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || !typesutil.IsPointerToNamed(reqVar.Type(), typesutil.NetHTTP, "Request") {
		return false
	}
	str := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if len(call.Args) != 2 || !typesutil.IsMethod(typesutil.Callee(info, call), typesutil.NetHTTP, "Header", "Set", "Add") {
			continue
		}
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		hdr, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok || hdr.Sel.Name != "Header" || typesutil.ObjectOf(info, hdr.X) != reqVar {
			continue
		}
		key, ok := str(call.Args[0])
		if !ok {
			continue
		}
		switch textproto.CanonicalMIMEHeaderKey(key) {
		case "Upgrade":
			return true
		case "Connection":
			if v, ok := str(call.Args[1]); ok && strings.Contains(strings.ToLower(v), "upgrade") {
				return true
			}
		}
	}
	return false
}

// chosenAlternative reports whether the client at cur, which has no
// Timeout, is one arm of an if statement whose other arm builds a
// client with a Timeout from a non-constant value that the condition
// tests (the value itself, or a numeric variable or field in it):
//
//	if cfg.Timeout > 0 {
//		return &http.Client{Transport: t, Timeout: cfg.Timeout}
//	}
//	return &http.Client{Transport: t} // Timeout 0 is the configured choice
//
// The missing Timeout is then the configuration's decision, not an
// omission. The other arm is the else branch, or the rest of the block
// when the if branch ends in a return.
func chosenAlternative(pass *analysis.Pass, tr *fieldflow.Tracker, cur inspector.Cursor) bool {
	info := pass.TypesInfo
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	// The Timeout values set in the function, with where they are set.
	type timed struct {
		pos    token.Pos
		values []string // the value, and the numeric variables in it
	}
	var sets []timed
	add := func(n ast.Node, v ast.Expr) {
		if tv, ok := info.Types[v]; !ok || tv.Value != nil {
			return // a constant: a fixed choice, not configuration
		}
		t := timed{n.Pos(), []string{types.ExprString(ast.Unparen(v))}}
		// time.Duration(cfg.TimeoutSeconds) * time.Second: the
		// condition may test cfg.TimeoutSeconds.
		ast.Inspect(v, func(n ast.Node) bool {
			switch e := n.(type) {
			case *ast.Ident, *ast.SelectorExpr:
				tv, ok := info.Types[e.(ast.Expr)]
				if _, isVar := typesutil.ObjectOf(info, e.(ast.Expr)).(*types.Var); ok && isVar && tv.Value == nil {
					if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsNumeric != 0 {
						t.values = append(t.values, types.ExprString(e.(ast.Expr)))
					}
				}
			}
			return true
		})
		sets = append(sets, t)
	}
	for nc := range fc.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := nc.Node().(type) {
		case *ast.KeyValueExpr:
			id, ok := n.Key.(*ast.Ident)
			if !ok || id.Name != "Timeout" {
				continue
			}
			if lit, ok := nc.Parent().Node().(*ast.CompositeLit); ok {
				if tv, ok := info.Types[lit]; ok && (tr.IsType(tv.Type) || tr.IsPtr(tv.Type)) {
					add(n, n.Value)
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && tr.FieldOf(sel) == "Timeout" {
					add(n, n.Rhs[i])
				}
			}
		}
	}
	if len(sets) == 0 {
		return false
	}
	here := cur.Node().Pos()
	for ic := range fc.Preorder((*ast.IfStmt)(nil)) {
		is := ic.Node().(*ast.IfStmt)
		if is.Cond == nil || !(is.Pos() < here && here < ic.Parent().Node().End()) {
			continue
		}
		tested := make(map[string]bool)
		ast.Inspect(is.Cond, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				tested[types.ExprString(ast.Unparen(e))] = true
			}
			return true
		})
		// arm: 1 in the if branch, 2 in the else branch, 3 after
		// the if statement when the if branch returns.
		arm := func(p token.Pos) int {
			switch {
			case is.Body.Pos() <= p && p < is.Body.End():
				return 1
			case is.Else != nil && is.Else.Pos() <= p && p < is.Else.End():
				return 2
			case is.Else == nil && returns(is.Body) && is.End() <= p && p < ic.Parent().Node().End():
				return 3
			}
			return 0
		}
		a := arm(here)
		if a == 0 {
			continue
		}
		for _, s := range sets {
			if b := arm(s.pos); b == 0 || b == a || a != 1 && b != 1 {
				continue
			}
			for _, v := range s.values {
				if tested[v] {
					return true
				}
			}
		}
	}
	return false
}

// returns reports whether the block ends in a return statement.
func returns(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}
