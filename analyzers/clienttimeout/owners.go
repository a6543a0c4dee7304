package clienttimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqbound"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Sends through a struct field are judged over the package, for every
// client stored in the field. A send in a method that is only ever
// called on a local value built from a struct literal holding another
// client belongs to that client, not to this one:
//
//	w := writer{client: &http.Client{Transport: tr}} // check.go: this one sends unbounded
//	go w.cancelUpload(loc)                           // http.NewRequest, no context
//
// while makeWriter's &writer{client: ...} is only used by methods that
// take the caller's context (go-containerregistry remote).

// otherOwner returns a filter for [reqbound.AllBoundedVerdict]: it
// skips the sends that, by the rule above, belong to clients other than
// the construction c stored in the field store.
func otherOwner(pass *analysis.Pass, root inspector.Cursor, c *fieldflow.Flow, store *types.Var) func(inspector.Cursor) bool {
	if !store.IsField() {
		return func(inspector.Cursor) bool { return false }
	}
	info := pass.TypesInfo
	return func(send inspector.Cursor) bool {
		fc, ok := fieldflow.EnclosingFunc(send)
		if !ok {
			return false
		}
		decl, ok := fc.Node().(*ast.FuncDecl)
		if !ok || decl.Recv == nil {
			return false
		}
		fn, ok := info.Defs[decl.Name].(*types.Func)
		if !ok {
			return false
		}
		recv := fn.Type().(*types.Signature).Recv()
		if obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, pass.Pkg, store.Name()); obj != store {
			return false
		}
		calls, onlyCalled := reqbound.CallsOf(pass, root, fn)
		n := 0
		for _, call := range calls {
			if passutil.IsTestFile(pass, call.Node().Pos()) {
				continue
			}
			if !builtElsewhere(info, call, c, store) {
				return false
			}
			n++
		}
		return onlyCalled && n > 0
	}
}

// builtElsewhere reports whether the method call at call has a local
// variable receiver whose every definition is a struct literal that
// stores a client other than c's in the field store, and whose field is
// not assigned otherwise in the function.
func builtElsewhere(info *types.Info, call inspector.Cursor, c *fieldflow.Flow, store *types.Var) bool {
	sel, ok := ast.Unparen(call.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := typesutil.ObjectOf(info, sel.X).(*types.Var)
	if !ok || typesutil.IsPackageLevel(v) || v.IsField() {
		return false
	}
	fc, ok := fieldflow.EnclosingFunc(call)
	if !ok {
		return false
	}
	defs := reqbound.Definitions(info, fc, v)
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		d = ast.Unparen(d)
		if u, ok := d.(*ast.UnaryExpr); ok {
			d = ast.Unparen(u.X)
		}
		lit, ok := d.(*ast.CompositeLit)
		if !ok {
			return false
		}
		val := fieldValue(info, lit, store)
		if val == nil || ast.Unparen(val) == ast.Unparen(c.Expr) {
			return false
		}
	}
	// v.client = ... elsewhere in the function: another client, perhaps c.
	for ac := range fc.Preorder((*ast.AssignStmt)(nil)) {
		for _, l := range ac.Node().(*ast.AssignStmt).Lhs {
			if s, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && info.Uses[s.Sel] == store && fieldflow.PathRoot(info, s.X) == v {
				return false
			}
		}
	}
	return true
}

// fieldValue returns the value the struct literal gives the field f, or
// nil.
func fieldValue(info *types.Info, lit *ast.CompositeLit, f *types.Var) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && info.Uses[id] == f {
				return kv.Value
			}
		}
	}
	return nil
}
