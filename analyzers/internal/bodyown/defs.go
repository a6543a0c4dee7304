package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A Def is a statement that binds the result of a call returning
// *http.Response to a local variable.
type Def struct {
	Stmt ast.Node      // *ast.AssignStmt or *ast.ValueSpec, as it appears in the CFG
	Call *ast.CallExpr // the call that produced the response
	Var  *types.Var    // the local variable that holds it
	Err  *types.Var    // the error result bound by the same statement, or nil
}

// Rewraps reports whether d gives its variable a response derived from
// the one it holds (resp = wrap(resp), resp, err = decompress(resp)):
// the call gets the variable, or its Body, as an argument, and the
// callee is a known function that neither closes nor takes it over.
// The search from the variable's earlier definition already covers the
// connection: it goes on past this statement, and closes of the new
// value count for it. A callee that closes the old response (a retry
// helper) returns a fresh one, which is checked on its own.
func (o *Owners) Rewraps(d Def) bool {
	// A callee that only takes the old response over (stores it, as a
	// filter chain does: goproxy's filterResponse) without closing it
	// still returns the one the search already follows, or one derived
	// from it; only a callee that closes it (ClosesParam.Shut) returns a
	// fresh response.
	fn := typesutil.StaticCallee(o.info, d.Call)
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	for k, a := range d.Call.Args {
		a = ast.Unparen(a)
		if sel, ok := a.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
			a = ast.Unparen(sel.X)
		}
		id, ok := a.(*ast.Ident)
		if !ok || o.info.Uses[id] != d.Var {
			continue
		}
		idx := k
		if sig.Variadic() && idx >= sig.Params().Len()-1 {
			idx = sig.Params().Len() - 1
		}
		return !o.shut[fn.Origin()][idx]
	}
	return false
}

// A Discard is a call whose *http.Response result is dropped: an
// expression statement, or the blank identifier.
type Discard struct {
	Call *ast.CallExpr
	At   ast.Node // the call, or the blank identifier
}

// Find returns the response definitions and discards directly in body,
// not in nested function literals (they have their own CFGs). scope
// is the function's scope: package-level and outer variables are not
// tracked (storing into them hands the response on).
func Find(info *types.Info, body *ast.BlockStmt, scope *types.Scope) (defs []Def, discards []Discard) {
	// errorVar is the variable the call's error goes to: a local, or one
	// the function literal captures (resp, err = rt.RoundTrip(req) with
	// err declared outside); it only has to hold the error on the path.
	errorVar := func(id *ast.Ident) *types.Var {
		obj := info.ObjectOf(id)
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		return v
	}
	// local is a variable errorVar accepts that scope (the function's
	// own) declares.
	local := func(id *ast.Ident) *types.Var {
		v := errorVar(id)
		if v == nil || scope != nil && !scope.Contains(v.Pos()) {
			return nil
		}
		return v
	}
	bind := func(stmt ast.Node, lhs []ast.Expr, rhs []ast.Expr) {
		if len(rhs) == 1 && len(lhs) > 1 {
			call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
			if !ok || Silent(info, call) {
				return
			}
			tup, ok := info.TypeOf(call).(*types.Tuple)
			if !ok || tup.Len() != len(lhs) {
				return
			}
			var errVar *types.Var
			for i := 0; i < tup.Len(); i++ {
				if isError(tup.At(i).Type()) {
					if id, ok := lhs[i].(*ast.Ident); ok {
						errVar = errorVar(id)
					}
				}
			}
			for i := 0; i < tup.Len(); i++ {
				if !IsResponse(tup.At(i).Type()) {
					continue
				}
				id, ok := lhs[i].(*ast.Ident)
				if !ok {
					continue // stored in a field or element: handed on
				}
				if id.Name == "_" {
					discards = append(discards, Discard{call, id})
					continue
				}
				if v := local(id); v != nil {
					defs = append(defs, Def{stmt, call, v, errVar})
				}
			}
			return
		}
		for i, r := range rhs {
			if i >= len(lhs) {
				break
			}
			call, ok := ast.Unparen(r).(*ast.CallExpr)
			if !ok || !IsResponse(info.TypeOf(call)) || Silent(info, call) {
				continue
			}
			id, ok := lhs[i].(*ast.Ident)
			if !ok {
				continue
			}
			if id.Name == "_" {
				discards = append(discards, Discard{call, id})
				continue
			}
			if v := local(id); v != nil {
				defs = append(defs, Def{stmt, call, v, nil})
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE || n.Tok == token.ASSIGN {
				bind(n, n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			bind(n, lhs, n.Values)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && returnsResponse(info, call) && !Silent(info, call) {
				discards = append(discards, Discard{call, call})
			}
		}
		return true
	})
	return defs, discards
}

func returnsResponse(info *types.Info, call *ast.CallExpr) bool {
	switch t := info.TypeOf(call).(type) {
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if IsResponse(t.At(i).Type()) {
				return true
			}
		}
	default:
		return IsResponse(t)
	}
	return false
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// Dead reports whether the branch of cond taken when cond == val can
// only be taken with no live response: err (still holding the call's
// error, if errLive) is non-nil, or v or v.Body is nil.
func Dead(info *types.Info, cond ast.Expr, val bool, v, err *types.Var, errLive bool) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return Dead(info, c.X, !val, v, err, errLive)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			if val { // both true
				return Dead(info, c.X, true, v, err, errLive) || Dead(info, c.Y, true, v, err, errLive)
			}
			return Dead(info, c.X, false, v, err, errLive) && Dead(info, c.Y, false, v, err, errLive)
		case token.LOR:
			if val {
				return Dead(info, c.X, true, v, err, errLive) && Dead(info, c.Y, true, v, err, errLive)
			}
			return Dead(info, c.X, false, v, err, errLive) || Dead(info, c.Y, false, v, err, errLive)
		case token.EQL, token.NEQ:
			if noBodyCompare(info, c, v) && val == (c.Op == token.EQL) {
				return true // the branch where the response has no body
			}
			x, y := c.X, c.Y
			if isNilExpr(info, x) {
				x, y = y, x
			}
			if !isNilExpr(info, y) {
				return false
			}
			nonNilWhen := c.Op == token.NEQ // x != nil is true
			if errLive && isVar(info, x, err) {
				return val == nonNilWhen // the branch where err != nil
			}
			if isVar(info, x, v) {
				return val != nonNilWhen // the branch where v == nil
			}
			if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && isVar(info, sel.X, v) && IsResponse(info.TypeOf(sel.X)) {
				return val != nonNilWhen // the branch where v.Body == nil: nothing to close
			}
		}
	case *ast.CallExpr:
		// errors.Is(err, X) / errors.As(err, &t) are true only for a
		// non-nil err.
		if val && errLive && err != nil && len(c.Args) > 0 && isVar(info, c.Args[0], err) {
			if fn, _ := typeutil.Callee(info, c).(*types.Func); typesutil.IsFunc(fn, "errors", "Is", "As") {
				return true
			}
		}
	}
	return false
}

// MentionsResponse reports whether the package can contain an
// *http.Response: it imports net/http, or some expression has type
// *http.Response (a package can use resp.Body through a helper's
// result without importing net/http).
func MentionsResponse(pkg *types.Package, info *types.Info) bool {
	if typesutil.Imports(pkg, typesutil.NetHTTP) {
		return true
	}
	for _, tv := range info.Types {
		switch t := tv.Type.(type) {
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				if IsResponse(t.At(i).Type()) {
					return true
				}
			}
		default:
			if IsResponse(t) {
				return true
			}
		}
	}
	return false
}
