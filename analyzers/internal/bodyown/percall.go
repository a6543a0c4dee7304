package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// PerCallPool reports whether call sends its request through a
// connection pool built in body for this one request and dropped: the
// receiver is a local *http.Client literal whose Transport is a fresh
// *http.Transport (a literal, or a Clone()), held by local variables
// that are used only there, and no loop repeats the call without
// rebuilding them. Whatever happens to the body, no connection of that
// pool is ever reused, so draining it buys nothing; the pool built per
// call is the bug (perrequest and poolconfig report it).
func PerCallPool(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	fn := typesutil.Callee(info, call)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn == nil || !ok {
		return false
	}
	var pool ast.Expr // the transport
	var use ast.Node = call
	switch {
	case typesutil.IsMethod(fn, typesutil.NetHTTP, "Client", "Do", "Get", "Post", "PostForm", "Head"):
		lit := localLiteral(info, body, sel.X, call)
		if lit == nil || !typesutil.IsNamed(info.TypeOf(lit), typesutil.NetHTTP, "Client") {
			return false
		}
		pool, use = typesutil.KeyValue(lit, "Transport"), lit
		if pool == nil {
			return false // DefaultTransport: shared
		}
	case typesutil.IsMethod(fn, typesutil.NetHTTP, "Transport", "RoundTrip"):
		pool = sel.X
	default:
		return false
	}
	return freshTransport(info, body, pool, use)
}

// freshTransport reports whether e is a new *http.Transport, used once:
// &http.Transport{...}, x.Clone(), or a local variable assigned one of
// those once and used only at use.
func freshTransport(info *types.Info, body *ast.BlockStmt, e ast.Expr, use ast.Node) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		val := singleUse(info, body, v, use)
		if val == nil {
			return false
		}
		e = ast.Unparen(val)
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		cl, ok := ast.Unparen(u.X).(*ast.CompositeLit)
		return ok && typesutil.IsNamed(info.TypeOf(cl), typesutil.NetHTTP, "Transport")
	}
	if c, ok := e.(*ast.CallExpr); ok {
		return typesutil.IsMethod(typesutil.StaticCallee(info, c), typesutil.NetHTTP, "Transport", "Clone")
	}
	return false
}

// localLiteral returns the composite literal held by e: &T{...} or
// T{...} itself, or a local variable assigned one once and used only
// at use.
func localLiteral(info *types.Info, body *ast.BlockStmt, e ast.Expr, use ast.Node) *ast.CompositeLit {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, _ := info.Uses[id].(*types.Var)
		val := singleUse(info, body, v, use)
		if val == nil {
			return nil
		}
		e = ast.Unparen(val)
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, _ := e.(*ast.CompositeLit)
	return cl
}

// singleUse returns the one value assigned to the local variable v in
// body, if v is used nowhere but inside use (nor captured, nor its
// address taken), and no loop encloses use without also enclosing the
// assignment (the value would be used again on the next iteration).
func singleUse(info *types.Info, body *ast.BlockStmt, v *types.Var, use ast.Node) ast.Expr {
	if v == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	vals, ok := assignedValues(info, body, v)
	if !ok || len(vals) != 1 {
		return nil
	}
	uses := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			if id.Pos() < use.Pos() || id.End() > use.End() {
				uses += 2 // used elsewhere
			}
			uses++
		}
		return uses < 2
	})
	if uses != 1 {
		return nil
	}
	// The innermost loop around use must hold the assignment too.
	var loop ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || n.Pos() > use.Pos() || n.End() < use.End() {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		case *ast.FuncLit:
			return false
		}
		return true
	})
	if loop != nil && (vals[0].Pos() < loop.Pos() || vals[0].End() > loop.End()) {
		return nil
	}
	return vals[0]
}
