package bodyown

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// MayExportFacts reports whether a package that reaches none of the
// pool packages (net/http, ...) and imports no package with facts could
// still export one of bodyown's facts, judged from its syntax and the
// types of its declarations alone (function bodies need not have been
// type-checked; info needs only Defs). A driver that must produce a
// dependency's facts without running the analysis uses it to skip
// packages where the analysis would find nothing. It over-approximates:
// a false answer is exact, a true one means "run the analysis".
//
//   - ClosesParam: only a function with a parameter that can carry a
//     body (Closeable) can close one.
//   - NeverReturns: only a function with no live return, when every
//     call named like a no-return function (noReturnFuncs, panic) is
//     taken not to return, can be one; its wrappers can be one only if
//     it is, so one is enough.
//   - NoOpenResponse, OpenOnSuccess, OpenUnless, HeadResponse: only a package that mentions
//     *http.Response, which it cannot without net/http.
func MayExportFacts(files []*ast.File, info *types.Info) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			if fn, ok := info.Defs[decl.Name].(*types.Func); !ok || closeableParam(fn) {
				return true
			}
			if mayNeverReturn(decl.Body) {
				return true
			}
		}
	}
	return false
}

func closeableParam(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if p.Name() != "" && p.Name() != "_" && Closeable(p.Type(), sig.Variadic() && i == sig.Params().Len()-1) {
			return true
		}
	}
	return false
}

// mayNeverReturn reports whether body has no live return when every
// call named panic or like a function of noReturnFuncs is taken not to
// return. Bodies without such a call statement return (or loop
// forever, which noReturnFacts does not look for either).
func mayNeverReturn(body *ast.BlockStmt) bool {
	named := func(call *ast.CallExpr) bool {
		var name string
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			name = fun.Name
		case *ast.SelectorExpr:
			name = fun.Sel.Name
		default:
			return false
		}
		if name == "panic" {
			return true
		}
		for _, r := range noReturnFuncs {
			if slices.Contains(r.Names, name) {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a literal's no-return call stops only the literal
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && named(call) {
				found = true
			}
		}
		return !found
	})
	if !found {
		return false
	}
	return !hasLiveReturn(cfg.New(body, func(call *ast.CallExpr) bool { return !named(call) }))
}
