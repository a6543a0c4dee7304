package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A request's context that is done ends its connection: net/http's
// transport watches the context until the body is read or closed, and
// when it ends, closes the connection and stops the goroutines behind
// the body (persistConn.readLoop, the ctx.Done case). A path that
// leaves without closing the body after <-ctx.Done() (a select that
// gives up when the caller cancels), or under ctx.Err() != nil, leaks
// nothing. The search tracks this only for the context the request
// carries: one passed to the call that returned the response (a client
// wrapper's ctx parameter), or given to the request the call sends
// (http.NewRequestWithContext(ctx, ...), req.WithContext(ctx)), and the
// contexts those derive from (context.WithCancel(parent), ...): when a
// parent is done, so is the request's.

// contextWrappers derive a context from their first argument: when the
// parent is done, the derived context is done too.
var contextWrappers = []funcRef{
	{"context", "", []string{"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithValue"}},
}

// requestContexts returns the context variables the response of call
// depends on (see above).
func requestContexts(info *types.Info, body ast.Node, call *ast.CallExpr) []types.Object {
	var out []types.Object
	var add func(e ast.Expr, depth int)
	add = func(e ast.Expr, depth int) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || depth > 3 {
			return
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !isContext(v.Type()) || slices.Contains(out, types.Object(v)) {
			return
		}
		out = append(out, v)
		// The contexts it derives from: ctx, cancel := context.WithTimeout(parent, d).
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
				return true
			}
			lid, ok := as.Lhs[0].(*ast.Ident)
			if !ok || info.Defs[lid] != v && info.Uses[lid] != v {
				return true
			}
			if c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && len(c.Args) > 0 && matchAny(contextWrappers, typesutil.StaticCallee(info, c)) {
				add(c.Args[0], depth+1)
			}
			return true
		})
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if isContext(info.TypeOf(a)) {
			add(a, 0)
			continue
		}
		// The request the call sends: req.WithContext(ctx) in place, or
		// a local request built with a context in body.
		if !typesutil.IsPointerToNamed(info.TypeOf(a), typesutil.NetHTTP, "Request") {
			continue
		}
		var vals []ast.Expr
		if rc, ok := a.(*ast.CallExpr); ok {
			vals = []ast.Expr{rc}
		} else if id, ok := a.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && v.Pos() >= body.Pos() && v.Pos() < body.End() {
				vals = requestValues(info, body, v)
			}
		}
		for _, val := range vals {
			if e := requestContext(info, val); e != nil {
				add(e, 0)
			}
		}
	}
	return out
}

// requestValues returns the values assigned to the request variable v
// in body (the first of a tuple: req, err := http.NewRequestWithContext(...)).
func requestValues(info *types.Info, body ast.Node, v *types.Var) []ast.Expr {
	var vals []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			lid, ok := l.(*ast.Ident)
			if !ok || info.Defs[lid] != v && info.Uses[lid] != v {
				continue
			}
			switch {
			case len(as.Lhs) == len(as.Rhs):
				vals = append(vals, as.Rhs[i])
			case len(as.Rhs) == 1 && i == 0:
				vals = append(vals, as.Rhs[0])
			}
		}
		return true
	})
	return vals
}

// requestContext returns the context expression a request value is
// built with: http.NewRequestWithContext(ctx, ...), r.WithContext(ctx)
// or r.Clone(ctx).
func requestContext(info *types.Info, e ast.Expr) ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) == 0 {
		return nil
	}
	fn := typesutil.StaticCallee(info, c)
	if typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequestWithContext") || typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone") {
		return c.Args[0]
	}
	return nil
}

func isContext(t types.Type) bool {
	return t != nil && typesutil.IsNamed(t, "context", "Context")
}

// receivesDone reports whether n is <-ctx.Done() for one of ctxs (a
// select case's communication, or a statement of its own).
func receivesDone(info *types.Info, n ast.Node, ctxs []types.Object) bool {
	es, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	u, ok := ast.Unparen(es.X).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	return ctxMethod(info, u.X, ctxs, "Done")
}

// ctxErrCond reports whether cond == val says ctx.Err() is non-nil for
// one of ctxs.
func ctxErrCond(info *types.Info, cond ast.Expr, val bool, ctxs []types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return ctxErrCond(info, c.X, !val, ctxs)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return val && (ctxErrCond(info, c.X, true, ctxs) || ctxErrCond(info, c.Y, true, ctxs))
		case token.LOR:
			return !val && (ctxErrCond(info, c.X, false, ctxs) || ctxErrCond(info, c.Y, false, ctxs))
		case token.NEQ, token.EQL:
			x, y := c.X, c.Y
			if id, ok := ast.Unparen(x).(*ast.Ident); ok && id.Name == "nil" {
				x, y = y, x
			}
			if id, ok := ast.Unparen(y).(*ast.Ident); !ok || info.Uses[id] != types.Universe.Lookup("nil") {
				return false
			}
			return val == (c.Op == token.NEQ) && ctxMethod(info, x, ctxs, "Err")
		}
	}
	return false
}

// ctxMethod reports whether e is ctx.name() for one of ctxs.
func ctxMethod(info *types.Info, e ast.Expr, ctxs []types.Object, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && slices.Contains(ctxs, info.Uses[id])
}
