package clienttimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
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

// buildingBlock reports whether the client c is returned by an
// exported function whose result a caller in the package bounds.
func buildingBlock(pass *analysis.Pass, root inspector.Cursor, c *fieldflow.Flow) bool {
	fc, ok := fieldflow.EnclosingFunc(c.Cursor)
	if !ok {
		return false
	}
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || !decl.Name.IsExported() || !returned(pass.TypesInfo, c) {
		return false
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	calls, _ := reqbound.CallsOf(pass, root, fn)
	for _, call := range calls {
		v, ok := typesutil.ObjectOf(pass.TypesInfo, boundTo(call)).(*types.Var)
		caller, inFunc := fieldflow.EnclosingFunc(call)
		if !ok || !inFunc || typesutil.IsPackageLevel(v) {
			continue
		}
		if setsTimeoutOn(pass.TypesInfo, caller, v) {
			return true
		}
		if ok, _ := reqbound.AllBounded(pass, caller, v, nil); ok {
			return true
		}
	}
	return false
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
		}
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
