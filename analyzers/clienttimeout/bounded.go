package clienttimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Bounded requests: a request whose context has a deadline, or whose
// context the caller controls (a ctx parameter, the incoming request's
// context in a handler), is bounded by it; a request rooted in
// context.Background() or built without a context is not. A finding
// says which, because it is the fix: "ctx is in scope but not used for
// the request".

// maxCtxDepth bounds how many context derivations (WithCancel of
// WithValue of a parameter, say) are followed back to their root.
const maxCtxDepth = 4

// boundedness is the verdict on one request.
type boundedness struct {
	ok  bool
	why string // when not ok: what makes the finding true, or ""
}

// sendMethods are the http.Client methods that send a request; only Do
// can carry a context.
var sendMethods = map[string]bool{"Do": true, "Get": true, "Head": true, "Post": true, "PostForm": true}

// sendBounded judges one call of a client method at cur (the call
// expression's cursor).
func sendBounded(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, method string) boundedness {
	if method != "Do" || len(call.Args) != 1 {
		return boundedness{why: ctxUnused(pass, cur, method+" takes no context")}
	}
	return reqBounded(pass, cur, call.Args[0])
}

// reqBounded judges the request expression req used at cur.
func reqBounded(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) boundedness {
	return reqBoundedDepth(pass, cur, req, 0)
}

// maxReqDepth bounds how many unexported functions a request parameter
// is followed back through to the calls that build it.
const maxReqDepth = 2

func reqBoundedDepth(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr, depth int) boundedness {
	info := pass.TypesInfo
	if isUpgrade(pass, cur, req) {
		return boundedness{ok: true}
	}
	req = ast.Unparen(req)
	if call, ok := req.(*ast.CallExpr); ok {
		// req.WithContext(ctx), req.Clone(ctx)
		if fn := typesutil.Callee(info, call); typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone") && len(call.Args) == 1 {
			return ctxBounded(pass, cur, call.Args[0], 0)
		}
		return builtWithContextDepth(pass, cur, call, depth)
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || typesutil.IsPackageLevel(reqVar) {
		return boundedness{}
	}
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return boundedness{}
	}
	if isParam(fc, reqVar) {
		return paramBounded(pass, fc, reqVar, depth)
	}
	// Every definition of the request in the function must be bounded.
	defs := definitions(info, fc, reqVar)
	if len(defs) == 0 {
		return boundedness{}
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d).(*ast.CallExpr)
		if !ok {
			return boundedness{}
		}
		fn := typesutil.Callee(info, call)
		switch {
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequestWithContext") && len(call.Args) > 0:
			if b := ctxBounded(pass, cur, call.Args[0], 0); !b.ok {
				return b
			}
		case typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone") && len(call.Args) == 1:
			if b := ctxBounded(pass, cur, call.Args[0], 0); !b.ok {
				return b
			}
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequest"):
			if withContextLater(info, fc, reqVar) {
				continue
			}
			return boundedness{why: ctxUnused(pass, cur, "")}
		default:
			if b := builtWithContextDepth(pass, cur, call, depth); !b.ok {
				return b
			}
		}
	}
	return boundedness{ok: true}
}

// builtWithContextDepth judges a request returned by a helper: a
// helper given a context (r.newRequest(ctx, ...)) builds the request
// under it.
func builtWithContextDepth(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, depth int) boundedness {
	for _, a := range call.Args {
		if typesutil.IsNamed(pass.TypesInfo.TypeOf(a), "context", "Context") {
			return ctxBounded(pass, cur, a, 0)
		}
	}
	return helperReturnsBounded(pass, cur, call, depth)
}

// helperReturnsBounded judges a request returned by a helper of this
// package that is given no context: it is bounded when every return
// of the helper hands back a bounded request (the helper makes its own
// deadline, as createRequest does with context.WithTimeout and returns
// the cancel function beside the request).
func helperReturnsBounded(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, depth int) boundedness {
	fn := typesutil.StaticCallee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != pass.Pkg || depth >= maxReqDepth {
		return boundedness{}
	}
	res := fn.Type().(*types.Signature).Results()
	idx := -1
	for i := range res.Len() {
		if typesutil.IsPointerToNamed(res.At(i).Type(), typesutil.NetHTTP, "Request") {
			idx = i
			break
		}
	}
	if idx < 0 {
		return boundedness{}
	}
	for dc := range cur.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := dc.Node().(*ast.FuncDecl)
		if pass.TypesInfo.Defs[decl.Name] != fn || decl.Body == nil {
			continue
		}
		n := 0
		for rc := range dc.Preorder((*ast.ReturnStmt)(nil)) {
			if inner, ok := fieldflow.EnclosingFunc(rc); !ok || inner.Node() != decl {
				continue // a nested function literal's return
			}
			ret := rc.Node().(*ast.ReturnStmt)
			if len(ret.Results) != res.Len() {
				return boundedness{}
			}
			r := ret.Results[idx]
			if fieldflow.IsNil(pass.TypesInfo, r) {
				continue // an error return
			}
			if b := reqBoundedDepth(pass, rc, r, depth+1); !b.ok {
				return boundedness{}
			}
			n++
		}
		return boundedness{ok: n > 0}
	}
	return boundedness{}
}

// paramBounded judges a request that is a parameter of the function at
// fc: for an unexported function whose every call in the package
// passes a bounded request, it is bounded (do(req) called by methods
// that build req with their caller's context). An exported function's
// callers are elsewhere.
func paramBounded(pass *analysis.Pass, fc inspector.Cursor, v *types.Var, depth int) boundedness {
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || decl.Name.IsExported() || depth >= maxReqDepth {
		return boundedness{}
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return boundedness{}
	}
	sig := fn.Type().(*types.Signature)
	idx := -1
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			idx = i
		}
	}
	if idx < 0 || sig.Variadic() && idx == sig.Params().Len()-1 {
		return boundedness{}
	}
	calls, onlyCalled := callsOf(pass, fc.Inspector().Root(), fn)
	if !onlyCalled || len(calls) == 0 {
		return boundedness{} // a function value: callers unknown
	}
	for _, c := range calls {
		call := c.Node().(*ast.CallExpr)
		if len(call.Args) <= idx {
			return boundedness{}
		}
		if b := reqBoundedDepth(pass, c, call.Args[idx], depth+1); !b.ok {
			return boundedness{}
		}
	}
	return boundedness{ok: true}
}

// callsOf returns the calls of fn under root (their cursors), and
// whether fn is only ever called there (never used as a value).
func callsOf(pass *analysis.Pass, root inspector.Cursor, fn *types.Func) (calls []inspector.Cursor, onlyCalled bool) {
	onlyCalled = true
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		if pass.TypesInfo.Uses[cur.Node().(*ast.Ident)] != fn {
			continue
		}
		c := cur
		if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			c = c.Parent()
		}
		if c.ParentEdgeKind() != edge.CallExpr_Fun {
			onlyCalled = false
			continue
		}
		calls = append(calls, c.Parent())
	}
	return calls, onlyCalled
}

// withContextLater reports whether the function replaces the request
// by req = req.WithContext(...) (the definitions check that one too).
func withContextLater(info *types.Info, fc inspector.Cursor, req *types.Var) bool {
	for _, d := range definitions(info, fc, req) {
		if call, ok := ast.Unparen(d).(*ast.CallExpr); ok && typesutil.IsMethod(typesutil.Callee(info, call), typesutil.NetHTTP, "Request", "WithContext", "Clone") {
			return true
		}
	}
	return false
}

// ctxBounded judges a context expression: a deadline made here, a
// parameter (the caller's), an incoming request's context, or stored
// state are bounded; context.Background and context.TODO are not.
func ctxBounded(pass *analysis.Pass, cur inspector.Cursor, ctx ast.Expr, depth int) boundedness {
	info := pass.TypesInfo
	if depth > maxCtxDepth {
		return boundedness{}
	}
	ctx = ast.Unparen(ctx)
	if call, ok := ctx.(*ast.CallExpr); ok {
		fn := typesutil.Callee(info, call)
		switch {
		case typesutil.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
			return boundedness{ok: true}
		case typesutil.IsFunc(fn, "context", "Background", "TODO"):
			return boundedness{why: ctxUnused(pass, cur, "the request's context is context."+fn.Name()+"(), which has no deadline")}
		case typesutil.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue", "WithoutCancel") && len(call.Args) > 0:
			if fn.Name() == "WithoutCancel" {
				return boundedness{}
			}
			return ctxBounded(pass, cur, call.Args[0], depth+1)
		case typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "Context"):
			return boundedness{ok: true} // the incoming request's, or the caller's
		}
		return boundedness{}
	}
	switch e := ctx.(type) {
	case *ast.SelectorExpr:
		// A context kept in a field: the operation's, set by its owner.
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			return boundedness{ok: true}
		}
		return boundedness{}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return boundedness{}
		}
		fc, ok := fieldflow.EnclosingFunc(cur)
		if !ok {
			return boundedness{}
		}
		if isParam(fc, v) {
			return boundedness{ok: true} // the caller controls it
		}
		defs := definitions(info, fc, v)
		if len(defs) == 0 {
			// A variable of an enclosing function (a closure).
			if outer, ok := fieldflow.EnclosingFunc(fc); ok && isParam(outer, v) {
				return boundedness{ok: true}
			}
			return boundedness{}
		}
		for _, d := range defs {
			if b := ctxBounded(pass, cur, d, depth+1); !b.ok {
				return b
			}
		}
		return boundedness{ok: true}
	}
	return boundedness{}
}

// definitions returns the values assigned to v in the function at fc
// (v := x, v = x, and f() for v, w := f()). A definition whose value
// cannot be told is returned as an *ast.BadExpr, which every judge
// treats as unknown.
func definitions(info *types.Info, fc inspector.Cursor, v *types.Var) []ast.Expr {
	var out []ast.Expr
	for ac := range fc.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch n := ac.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				out = append(out, rhs[i])
			case len(rhs) == 1 && i == 0:
				out = append(out, rhs[0]) // v, err := f(...)
			default:
				out = append(out, &ast.BadExpr{})
			}
		}
	}
	return out
}

// isParam reports whether v is a parameter of the function at fc.
func isParam(fc inspector.Cursor, v *types.Var) bool {
	var ft *ast.FuncType
	switch n := fc.Node().(type) {
	case *ast.FuncDecl:
		ft = n.Type
	case *ast.FuncLit:
		ft = n.Type
	default:
		return false
	}
	return ft.Params != nil && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End()
}

// ctxUnused returns why, extended with "ctx is in scope but not used
// for the request" when the function at cur has a context.Context
// parameter (or an *http.Request one, whose Context is the caller's).
func ctxUnused(pass *analysis.Pass, cur inspector.Cursor, why string) string {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft.Params == nil {
			continue
		}
		for _, f := range ft.Params.List {
			t := pass.TypesInfo.TypeOf(f.Type)
			for _, name := range f.Names {
				if name.Name == "_" {
					continue
				}
				switch {
				case typesutil.IsNamed(t, "context", "Context"):
					return join2(why, name.Name+" is in scope but not used for the request")
				case typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Request") && isHandler(pass, ft):
					return join2(why, name.Name+".Context() is in scope but not used for the request")
				}
			}
		}
	}
	return why
}

// isHandler reports whether ft is func(http.ResponseWriter, *http.Request).
func isHandler(pass *analysis.Pass, ft *ast.FuncType) bool {
	if ft.Params == nil || ft.Params.NumFields() != 2 {
		return false
	}
	return typesutil.IsNamed(pass.TypesInfo.TypeOf(ft.Params.List[0].Type), typesutil.NetHTTP, "ResponseWriter")
}

func join2(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", and " + b
}

// sendsThrough returns the sends made in the package through the
// client stored in obj (a variable or a struct field), directly or
// through a local alias (c := s.client), and whether every use of the
// client seen is a send, a field access or an assignment to it; any
// other use (passed on, returned, stored elsewhere) means requests may
// be sent where we cannot see.
func sendsThrough(pass *analysis.Pass, root inspector.Cursor, obj types.Object) (sends []inspector.Cursor, closed bool) {
	info := pass.TypesInfo
	closed = true
	var visit func(cur inspector.Cursor, depth int)
	visit = func(cur inspector.Cursor, depth int) {
		for cur.ParentEdgeKind() == edge.ParenExpr_X {
			cur = cur.Parent()
		}
		parent := cur.Parent()
		switch cur.ParentEdgeKind() {
		case edge.SelectorExpr_X:
			sel := parent.Node().(*ast.SelectorExpr)
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				if sendMethods[sel.Sel.Name] && parent.ParentEdgeKind() == edge.CallExpr_Fun {
					sends = append(sends, parent.Parent())
				}
				return // CloseIdleConnections and other methods send nothing
			}
			return // a field read or write
		case edge.AssignStmt_Lhs:
			return // (re)assigned: the construction is judged on its own
		case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
			// c := s.client: follow the alias in its function.
			var alias *types.Var
			switch n := parent.Node().(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					if id, ok := n.Lhs[cur.ParentEdgeIndex()].(*ast.Ident); ok {
						alias, _ = info.ObjectOf(id).(*types.Var)
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					alias, _ = info.Defs[n.Names[cur.ParentEdgeIndex()]].(*types.Var)
				}
			}
			fc, ok := fieldflow.EnclosingFunc(cur)
			if alias == nil || typesutil.IsPackageLevel(alias) || !ok || depth > 1 {
				closed = false
				return
			}
			for ic := range fc.Preorder((*ast.Ident)(nil)) {
				if info.Uses[ic.Node().(*ast.Ident)] == alias {
					visit(ic, depth+1)
				}
			}
			return
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			return // compared with nil
		case edge.KeyValueExpr_Key:
			return // a field key in a struct literal: an assignment
		}
		closed = false
	}
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Uses[id] != obj {
			continue
		}
		if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
			visit(cur.Parent(), 0) // s.client
		} else {
			visit(cur, 0)
		}
	}
	return sends, closed
}
