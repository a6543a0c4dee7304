package clienttimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/reqbound"
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
// a Do whose request is bounded, a local alias (client :=
// http.DefaultClient) whose every send is bounded, or a local copy (c
// := *http.DefaultClient) given a Timeout, a bounded transport, or
// only bounded requests. Otherwise it says why not, when it can.
func defaultClientUseOK(env *env, cur inspector.Cursor) (bool, string) {
	pass := env.pass
	switch cur.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		if !reqbound.IsSend(sel.Sel.Name) {
			return true, "" // Timeout, Transport, CloseIdleConnections, ...
		}
		if cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false, "" // a method value
		}
		call := cur.Parent().Parent()
		b := reqbound.Send(pass, call, call.Node().(*ast.CallExpr), sel.Sel.Name)
		return b.OK, b.Why
	case edge.StarExpr_X:
		// c := *http.DefaultClient; c.Timeout = d: a copy with its own
		// Timeout (corpus: cert-manager acme/dns/util). A copy whose
		// Transport is bounded (opa's DefaultRoundTripperClient: a
		// DefaultTransport clone with ResponseHeaderTimeout), or whose
		// every request is (caddy's HTTPCertPool.Provision: each is
		// NewRequestWithContext(ctx, ...)), is judged as a literal
		// would be.
		star := cur.Parent()
		v, ok := typesutil.ObjectOf(pass.TypesInfo, boundTo(star)).(*types.Var)
		fc, inFunc := fieldflow.EnclosingFunc(cur)
		if !ok || !inFunc || typesutil.IsPackageLevel(v) {
			return false, ""
		}
		if setsTimeoutOn(pass.TypesInfo, fc, v) {
			return true, ""
		}
		if t := lastFieldWrite(pass.TypesInfo, fc, v, "Transport"); t != nil && env.transports.boundValue(pass, fc, true, t) {
			return true, ""
		}
		return reqbound.AllBounded(pass, fc, v, nil)
	case edge.CallExpr_Args:
		// f(ctx, http.DefaultClient, ...): the callee sends under the
		// context it is given.
		call := cur.Parent().Node().(*ast.CallExpr)
		for _, a := range call.Args {
			if typesutil.IsNamed(pass.TypesInfo.TypeOf(a), "context", "Context") {
				b := reqbound.Context(pass, cur, a, 0)
				return b.OK, b.Why
			}
		}
		return false, ""
	case edge.KeyValueExpr_Value:
		// &Service{client: http.DefaultClient}: judged by the sends
		// through the field, over the package.
		kv := cur.Parent().Node().(*ast.KeyValueExpr)
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return false, ""
		}
		f, ok := pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !f.IsField() {
			return false, ""
		}
		return reqbound.AllBounded(pass, cur.Inspector().Root(), f, nil)
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if nilDefault(pass, cur) {
			return true, ""
		}
		alias, ok := typesutil.ObjectOf(pass.TypesInfo, boundTo(cur)).(*types.Var)
		fc, inFunc := fieldflow.EnclosingFunc(cur)
		if !ok || !inFunc || typesutil.IsPackageLevel(alias) {
			return false, ""
		}
		return reqbound.AllBounded(pass, fc, alias, nil)
	}
	return false, ""
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

// nilDefault reports whether the http.DefaultClient (or the client
// built) at cur is the fallback for a client the caller did not give:
// the assignment
//
//	if x == nil {
//		x = http.DefaultClient // or &http.Client{Transport: http.DefaultTransport}
//	}
//
// in a function whose caller can pass a client (a *http.Client
// parameter, or a struct parameter with a *http.Client field), as in
// reviewdog's New(client *http.Client) and NewGitHubClient(ctx, opt).
// Passing nil is then the caller's choice, and the caller is where a
// Timeout belongs.
func nilDefault(pass *analysis.Pass, cur inspector.Cursor) bool {
	lhs := boundTo(cur)
	if lhs == nil || cur.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	// The assignment is in the body of an if that tests lhs == nil,
	// perhaps under a switch or if that picks the default (nomad's
	// NewClient: if httpClient == nil { switch { case unix:
	// httpClient = defaultUDSClient(config) ... } }).
	if !inNilCheck(pass.TypesInfo, cur.Parent(), lhs) {
		return false
	}
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	var params *ast.FieldList
	// A declared function: a function literal is typically a
	// functional option, whose parameter is the value the library is
	// building, not a client the user chose to leave out (minio-go's
	// CertificateIdentityWithTransport: if i.Client == nil { i.Client
	// = &http.Client{} }).
	if fn, ok := fc.Node().(*ast.FuncDecl); ok {
		params = fn.Type.Params
	}
	if params == nil {
		return false
	}
	for _, f := range params.List {
		if takesClient(pass.TypesInfo.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

// inNilCheck reports whether the statement at stmt lies in the body
// of an if statement of its function that tests x == nil.
func inNilCheck(info *types.Info, stmt inspector.Cursor, x ast.Expr) bool {
	for anc := range stmt.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		if p := stmt.Node().Pos(); p < ifs.Body.Pos() || ifs.Body.End() <= p {
			continue // in its condition or else branch
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL {
			continue
		}
		l, r := ast.Unparen(cond.X), ast.Unparen(cond.Y)
		if isNil(info, l) {
			l, r = r, l
		}
		if isNil(info, r) && types.ExprString(l) == types.ExprString(x) {
			return true
		}
	}
	return false
}

// isNil reports whether e is the predeclared nil.
func isNil(info *types.Info, e ast.Expr) bool {
	_, ok := typesutil.ObjectOf(info, e).(*types.Nil)
	return ok
}

// takesClient reports whether a parameter of type t carries a client
// from the caller: a *http.Client, or a struct (or pointer to one) with
// a *http.Client field.
func takesClient(t types.Type) bool {
	if t == nil {
		return false
	}
	if typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Client") {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if typesutil.IsPointerToNamed(st.Field(i).Type(), typesutil.NetHTTP, "Client") {
			return true
		}
	}
	return false
}
