package clienttimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqbound"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Library factories that leave the timeout to the caller: an exported
// function that returns the client it builds (or a struct holding it)
// as a building block, as a "clean default client" factory does. It is
// one when a caller in the package shows what callers do with it: sets
// Timeout on the result, or bounds every request it sends with a
// context. Callers in other packages are analysed after the factory,
// so only this package's callers can speak for it.

// buildingBlock reports whether the client c is returned by its
// function and the callers in the package bound it: for an exported
// function, one caller that sets Timeout on the result or bounds every
// request it sends shows that the factory leaves the timeout to its
// callers; for an unexported one, whose callers are all here, every
// call must keep the result where it is bounded (client, err :=
// newHTTPClient(u) stored in a field whose every request carries the
// caller's context, say).
func buildingBlock(pass *analysis.Pass, root inspector.Cursor, c *fieldflow.Flow) bool {
	fc, ok := fieldflow.EnclosingFunc(c.Cursor)
	if !ok {
		return false
	}
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || !returned(pass.TypesInfo, c) {
		return false
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	idx := clientResult(fn)
	if idx < 0 {
		return false
	}
	calls, onlyCalled := reqbound.CallsOf(pass, root, fn)
	if !decl.Name.IsExported() {
		if !onlyCalled || len(calls) == 0 {
			return false
		}
		for _, call := range calls {
			if passutil.IsTestFile(pass, call.Node().Pos()) {
				continue
			}
			// if hc == nil { hc = newUDSClient(cfg) }: the default of a
			// client the caller can give, whose Timeout is the caller's
			// (nomad's defaultUDSClient). An exported factory is called
			// elsewhere too, so this speaks only for an unexported one.
			if !nilDefault(pass, call) && !resultBounded(pass, root, call, idx) {
				return false
			}
		}
		return true
	}
	for _, call := range calls {
		if resultBounded(pass, root, call, idx) {
			return true
		}
	}
	return false
}

// clientResult returns the index of fn's *http.Client result, or of
// a result that holds one in a field (a struct or a pointer to one), or
// -1.
func clientResult(fn *types.Func) int {
	res := fn.Type().(*types.Signature).Results()
	for i := range res.Len() {
		if takesClient(res.At(i).Type()) {
			return i
		}
	}
	return -1
}

// resultBounded reports whether the call at cur, whose idx'th result
// holds the client, keeps it where its requests are bounded: the
// variable or field it is assigned to gets a Timeout in the caller, or
// every request sent through it in the package is bounded; or the
// result is handed straight to an SDK constructor whose calls are.
func resultBounded(pass *analysis.Pass, root inspector.Cursor, cur inspector.Cursor, idx int) bool {
	top := cur
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.CallExpr_Args {
		v, ok := reqbound.SDK(pass, top.Parent())
		return ok && v.OK
	}
	var lhs ast.Expr
	switch n := top.Parent().Node().(type) {
	case *ast.AssignStmt:
		if top.ParentEdgeKind() != edge.AssignStmt_Rhs {
			return false
		}
		switch {
		case len(n.Lhs) == len(n.Rhs):
			lhs = n.Lhs[top.ParentEdgeIndex()]
		case len(n.Rhs) == 1 && idx < len(n.Lhs):
			lhs = n.Lhs[idx] // client, err := newClient()
		}
	case *ast.ValueSpec:
		if top.ParentEdgeKind() != edge.ValueSpec_Values {
			return false
		}
		switch {
		case len(n.Names) == len(n.Values):
			lhs = n.Names[top.ParentEdgeIndex()]
		case len(n.Values) == 1 && idx < len(n.Names):
			lhs = n.Names[idx]
		}
	case *ast.KeyValueExpr:
		if top.ParentEdgeKind() == edge.KeyValueExpr_Value {
			lhs = n.Key // &T{client: newClient()}
		}
	}
	if lhs == nil {
		return false
	}
	v, ok := typesutil.ObjectOf(pass.TypesInfo, lhs).(*types.Var)
	if !ok || v.Name() == "_" {
		return false
	}
	caller, inFunc := fieldflow.EnclosingFunc(cur)
	where := root // a field or a package-level variable: the package
	if !typesutil.IsPackageLevel(v) && !v.IsField() {
		if !inFunc {
			return false
		}
		if setsTimeoutOn(pass.TypesInfo, caller, v) {
			return true
		}
		where = caller
	}
	ok, _ = reqbound.AllBounded(pass, where, v, nil)
	return ok
}

// returned reports whether the client is returned by its function:
// the construction is a result (or inside a returned struct literal),
// or the variable it is bound to is.
func returned(info *types.Info, c *fieldflow.Flow) bool {
	for cur := c.Cursor; ; cur = cur.Parent() {
		k := cur.ParentEdgeKind()
		if k == edge.ReturnStmt_Results {
			return true
		}
		if k != edge.ParenExpr_X && k != edge.UnaryExpr_X && k != edge.KeyValueExpr_Value && k != edge.CompositeLit_Elts {
			break
		}
	}
	if c.Var == nil || typesutil.IsPackageLevel(c.Var) {
		return false
	}
	fc, ok := fieldflow.EnclosingFunc(c.Cursor)
	if !ok {
		return false
	}
	for rc := range fc.Preorder((*ast.ReturnStmt)(nil)) {
		for _, r := range rc.Node().(*ast.ReturnStmt).Results {
			if id, ok := ast.Unparen(r).(*ast.Ident); ok && info.Uses[id] == c.Var {
				return true
			}
			if passedThrough(info, fc, r, c.Var) {
				return true // return configure(c)
			}
		}
	}
	return false
}

// passedThrough reports whether e calls a function declared in the
// package that returns its argument v as it is: return configure(c),
// where configure sets transport fields on c and returns c (nomad's
// defaultClient).
func passedThrough(info *types.Info, fc inspector.Cursor, e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typesutil.ObjectOf(info, call.Fun).(*types.Func)
	if !ok {
		return false
	}
	arg := -1
	for i, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v {
			arg = i
		}
	}
	sig := fn.Type().(*types.Signature)
	if arg < 0 || arg >= sig.Params().Len() || sig.Variadic() && arg >= sig.Params().Len()-1 {
		return false
	}
	param := sig.Params().At(arg)
	for dc := range fc.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := dc.Node().(*ast.FuncDecl)
		if info.Defs[decl.Name] != fn || decl.Body == nil {
			continue
		}
		n := 0
		for rc := range dc.Preorder((*ast.ReturnStmt)(nil)) {
			if inner, ok := fieldflow.EnclosingFunc(rc); !ok || inner != dc {
				continue // a nested function literal's return
			}
			ret := rc.Node().(*ast.ReturnStmt)
			found := false
			for _, r := range ret.Results {
				if id, ok := ast.Unparen(r).(*ast.Ident); ok && info.Uses[id] == param {
					found = true
				}
			}
			if !found {
				return false
			}
			n++
		}
		return n > 0
	}
	return false
}

// setsTimeoutOn reports whether the function at fc assigns a client's
// Timeout through v (v.Timeout = ..., v.HTTPClient.Timeout = ...).
func setsTimeoutOn(info *types.Info, fc inspector.Cursor, v *types.Var) bool {
	for ac := range fc.Preorder((*ast.AssignStmt)(nil)) {
		for _, lhs := range ac.Node().(*ast.AssignStmt).Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Timeout" || !typesutil.IsNamedOrPointer(info.TypeOf(sel.X), typesutil.NetHTTP, "Client") {
				continue
			}
			if fieldflow.PathRoot(info, sel.X) == v {
				return true
			}
		}
	}
	return false
}

// lastFieldWrite returns the value of the last assignment v.name = x
// in the function at fc (in source order), or nil.
func lastFieldWrite(info *types.Info, fc inspector.Cursor, v *types.Var, name string) ast.Expr {
	var last ast.Expr
	for ac := range fc.Preorder((*ast.AssignStmt)(nil)) {
		as := ac.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != name {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(id) == v {
				last = as.Rhs[i]
			}
		}
	}
	return last
}
