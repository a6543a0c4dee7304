// Package reqbound says whether the requests a client sends are
// bounded without a client Timeout: by a context deadline, by a
// context the caller controls, or by a protocol upgrade (whose
// connection lives as long as the session). It is shared by
// clienttimeout (is a client without Timeout a bug?) and poolconfig
// (do a transport's dropped dial and TLS timeouts matter?).
package reqbound

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Bounded requests: a request whose context has a deadline, or whose
// context the caller controls (a ctx parameter, the incoming request's
// context in a handler), is bounded by it; a request rooted in
// context.Background() or built without a context is not. A finding
// says which, because it is the fix: "ctx is in scope but not used for
// the request".

// NoContext is why a request built by http.NewRequest, where no
// context is in scope, is unbounded: the finding's reason.
const NoContext = "the request is built by http.NewRequest, with no context"

// maxCtxDepth bounds how many context derivations (WithCancel of
// WithValue of a parameter, say) are followed back to their root.
const maxCtxDepth = 4

// Verdict is the verdict on one request.
type Verdict struct {
	OK  bool
	Why string // when not OK: what makes the finding true, or ""
	// Default, when OK, says that the bound is a context the caller may
	// leave at its default context.Background() or TODO(): a field an
	// exported option sets from the caller's context (ggcr's
	// remote.WithContext). That is the caller's choice for a client the
	// package keeps to itself, not for one other packages use directly.
	Default string
}

// keep carries b's Default into v.
func (v *Verdict) keep(b Verdict) {
	if v.Default == "" {
		v.Default = b.Default
	}
}

// IsSend reports whether name is an http.Client method that sends a
// request; only Do can carry a context.
func IsSend(name string) bool {
	switch name {
	case "Do", "Get", "Head", "Post", "PostForm":
		return true
	}
	return false
}

// Send judges one call of a client method at cur (the call
// expression's cursor).
func Send(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, method string) Verdict {
	if method != "Do" || len(call.Args) != 1 {
		return Verdict{Why: CtxUnused(pass, cur, method+" takes no context")}
	}
	return Request(pass, cur, call.Args[0])
}

// Request judges the request expression req used at cur.
func Request(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) Verdict {
	return requestDepth(pass, cur, req, 0)
}

// maxReqDepth bounds how many unexported functions a request parameter
// is followed back through to the calls that build it.
const maxReqDepth = 2

func requestDepth(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr, depth int) Verdict {
	info := pass.TypesInfo
	if IsUpgrade(pass, cur, req) {
		return Verdict{OK: true}
	}
	req = ast.Unparen(req)
	if call, ok := req.(*ast.CallExpr); ok {
		// req.WithContext(ctx), req.Clone(ctx)
		fn := typesutil.Callee(info, call)
		if typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone") && len(call.Args) == 1 {
			return Context(pass, cur, call.Args[0], 0)
		}
		if typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequest") {
			// return http.NewRequest(...) in a request helper.
			if why := CtxUnused(pass, cur, ""); why != "" {
				return Verdict{Why: why}
			}
			return Verdict{Why: NoContext}
		}
		return builtWithContextDepth(pass, cur, call, depth)
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || typesutil.IsPackageLevel(reqVar) {
		return Verdict{}
	}
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return Verdict{}
	}
	if IsParam(fc, reqVar) {
		return paramBounded(pass, fc, reqVar, depth)
	}
	// Every definition of the request in the function must be bounded.
	defs := definitions(info, fc, reqVar)
	if len(defs) == 0 {
		return Verdict{}
	}
	v := Verdict{OK: true}
	for _, d := range defs {
		call, ok := ast.Unparen(d).(*ast.CallExpr)
		if !ok {
			return Verdict{}
		}
		fn := typesutil.Callee(info, call)
		var b Verdict
		switch {
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequestWithContext") && len(call.Args) > 0:
			b = Context(pass, cur, call.Args[0], 0)
		case typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone") && len(call.Args) == 1:
			b = Context(pass, cur, call.Args[0], 0)
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequest"):
			if withContextLater(info, fc, reqVar) || optionalContext(info, fc, reqVar) {
				continue
			}
			if why := CtxUnused(pass, cur, ""); why != "" {
				return Verdict{Why: why}
			}
			return Verdict{Why: NoContext}
		default:
			b = builtWithContextDepth(pass, cur, call, depth)
		}
		if !b.OK {
			return b
		}
		v.keep(b)
	}
	return v
}

// builtWithContextDepth judges a request returned by a helper: a
// helper given a context (r.newRequest(ctx, ...)) builds the request
// under it.
func builtWithContextDepth(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, depth int) Verdict {
	for _, a := range call.Args {
		if typesutil.IsNamed(pass.TypesInfo.TypeOf(a), "context", "Context") {
			return Context(pass, cur, a, 0)
		}
	}
	return helperReturnsBounded(pass, cur, call, depth)
}

// helperReturnsBounded judges a request returned by a helper of this
// package that is given no context: it is bounded when every return
// of the helper hands back a bounded request (the helper makes its own
// deadline, as createRequest does with context.WithTimeout and returns
// the cancel function beside the request).
func helperReturnsBounded(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr, depth int) Verdict {
	fn := typesutil.StaticCallee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != pass.Pkg || depth >= maxReqDepth {
		return Verdict{}
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
		return Verdict{}
	}
	for dc := range cur.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := dc.Node().(*ast.FuncDecl)
		if pass.TypesInfo.Defs[decl.Name] != fn || decl.Body == nil {
			continue
		}
		n := 0
		v := Verdict{}
		for rc := range dc.Preorder((*ast.ReturnStmt)(nil)) {
			if inner, ok := fieldflow.EnclosingFunc(rc); !ok || inner.Node() != decl {
				continue // a nested function literal's return
			}
			ret := rc.Node().(*ast.ReturnStmt)
			var r ast.Expr
			switch {
			case len(ret.Results) == res.Len():
				r = ret.Results[idx]
			case len(ret.Results) == 1 && idx == 0:
				// return http.NewRequest(...): the call's request.
				if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok && typesutil.IsFunc(typesutil.Callee(pass.TypesInfo, call), typesutil.NetHTTP, "NewRequest") {
					r = call
				}
			}
			if r == nil {
				return Verdict{}
			}
			if fieldflow.IsNil(pass.TypesInfo, r) {
				continue // an error return
			}
			b := requestDepth(pass, rc, r, depth+1)
			if !b.OK {
				return Verdict{Why: b.Why}
			}
			v.keep(b)
			n++
		}
		v.OK = n > 0
		return v
	}
	return Verdict{}
}

// paramBounded judges a request that is a parameter of the function at
// fc. When all the function's callers are in the package, it is bounded
// if every call passes a bounded request (do(req) called by methods that
// build req with their caller's context): an unexported function, or a
// method of an unexported type that no exported interface of the
// package lists, called directly or through the package's own
// interfaces (slack-go's retryClient.Do behind its httpClient
// interface). An exported function's callers are elsewhere, and so are
// a method's that implements an exported interface (client_golang's
// httpClient.Do behind api.Client): unknown.
func paramBounded(pass *analysis.Pass, fc inspector.Cursor, v *types.Var, depth int) Verdict {
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || depth >= maxReqDepth {
		return Verdict{}
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return Verdict{}
	}
	sig := fn.Type().(*types.Signature)
	idx := -1
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			idx = i
		}
	}
	if idx < 0 || sig.Variadic() && idx == sig.Params().Len()-1 {
		return Verdict{}
	}
	root := fc.Inspector().Root()
	calls, onlyCalled := CallsOf(pass, root, fn)
	if decl.Name.IsExported() {
		recv := recvNamed(sig)
		if recv == nil || recv.Obj().Exported() || exportedInterfaceLists(pass, recv, fn.Name()) {
			return Verdict{}
		}
		for _, c := range interfaceCalls(pass, root, recv, fn.Name()) {
			if n := c.Node(); n.Pos() < decl.Pos() || decl.End() <= n.Pos() {
				calls = append(calls, c) // not its own forwarding call
			}
		}
		if len(calls) == 0 {
			// Never called here, and no exported type or interface
			// hands it out (go-containerregistry's fetcher.Do): it
			// sends nothing we could judge.
			return Verdict{OK: true}
		}
	}
	if !onlyCalled || len(calls) == 0 {
		return Verdict{} // a function value: callers unknown
	}
	out := Verdict{OK: true}
	for _, c := range calls {
		if passutil.IsTestFile(pass, c.Node().Pos()) {
			continue
		}
		call := c.Node().(*ast.CallExpr)
		if len(call.Args) <= idx {
			return Verdict{}
		}
		b := requestDepth(pass, c, call.Args[idx], depth+1)
		if !b.OK {
			return Verdict{Why: b.Why}
		}
		out.keep(b)
	}
	return out
}

// recvNamed returns the named type of a method's receiver, or nil.
func recvNamed(sig *types.Signature) *types.Named {
	if sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// implements reports whether the named type, or a pointer to it,
// implements iface.
func implements(n *types.Named, iface *types.Interface) bool {
	return types.Implements(n, iface) || types.Implements(types.NewPointer(n), iface)
}

// exportedInterfaceLists reports whether an exported interface type of
// the package lists the method name and is implemented by n: values of
// n may then be handed out behind it, to callers in other packages.
func exportedInterfaceLists(pass *analysis.Pass, n *types.Named, name string) bool {
	scope := pass.Pkg.Scope()
	for _, nm := range scope.Names() {
		tn, ok := scope.Lookup(nm).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumMethods() {
			if iface.Method(i).Name() == name && implements(n, iface) {
				return true
			}
		}
	}
	return false
}

// interfaceCalls returns the calls in the package of the method name
// on an interface that n implements.
func interfaceCalls(pass *analysis.Pass, root inspector.Cursor, n *types.Named, name string) []inspector.Cursor {
	var out []inspector.Cursor
	for cc := range root.Preorder((*ast.CallExpr)(nil)) {
		fn := typesutil.Callee(pass.TypesInfo, cc.Node().(*ast.CallExpr))
		if fn == nil || fn.Name() != name {
			continue
		}
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			continue
		}
		if iface, ok := recv.Type().Underlying().(*types.Interface); ok && implements(n, iface) {
			out = append(out, cc)
		}
	}
	return out
}

// CallsOf returns the calls of fn under root (their cursors), and
// whether fn is only ever called there (never used as a value).
func CallsOf(pass *analysis.Pass, root inspector.Cursor, fn *types.Func) (calls []inspector.Cursor, onlyCalled bool) {
	onlyCalled = true
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		used, ok := pass.TypesInfo.Uses[cur.Node().(*ast.Ident)].(*types.Func)
		if !ok || used.Origin() != fn {
			continue
		}
		c := cur
		if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
			c = c.Parent()
		}
		// send[T](c, req): a call of an instance of a generic
		// function (go-openai's sendRequestStream[T]).
		if k := c.ParentEdgeKind(); k == edge.IndexExpr_X || k == edge.IndexListExpr_X {
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

// optionalContext reports whether the function gives the request a
// context the caller may leave out, and only then:
//
//	if r.ctx != nil {
//		return req.WithContext(r.ctx), nil
//	}
//	return req, nil
//
// as consul's API client does with the context of QueryOptions. The
// request without a context is then the caller's choice, like a nil
// ctx; the arm with the context is judged on its own.
func optionalContext(info *types.Info, fc inspector.Cursor, req *types.Var) bool {
	for ic := range fc.Preorder((*ast.IfStmt)(nil)) {
		is := ic.Node().(*ast.IfStmt)
		cond, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.NEQ {
			continue
		}
		ctx := ast.Unparen(cond.X)
		if fieldflow.IsNil(info, ctx) {
			ctx = ast.Unparen(cond.Y)
		} else if !fieldflow.IsNil(info, cond.Y) {
			continue
		}
		if !typesutil.IsNamed(info.TypeOf(ctx), "context", "Context") {
			continue
		}
		found := false
		ast.Inspect(is.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found || len(call.Args) != 1 || !typesutil.IsMethod(typesutil.Callee(info, call), typesutil.NetHTTP, "Request", "WithContext", "Clone") {
				return !found
			}
			sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			found = typesutil.ObjectOf(info, sel.X) == req && types.ExprString(ast.Unparen(call.Args[0])) == types.ExprString(ctx)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// Context judges a context expression: a deadline made here, a
// parameter (the caller's), an incoming request's context, or stored
// state are bounded; context.Background and context.TODO are not.
func Context(pass *analysis.Pass, cur inspector.Cursor, ctx ast.Expr, depth int) Verdict {
	info := pass.TypesInfo
	if depth > maxCtxDepth {
		return Verdict{}
	}
	ctx = ast.Unparen(ctx)
	if call, ok := ctx.(*ast.CallExpr); ok {
		fn := typesutil.Callee(info, call)
		switch {
		case typesutil.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
			return Verdict{OK: true}
		case typesutil.IsFunc(fn, "context", "Background", "TODO"):
			return Verdict{Why: CtxUnused(pass, cur, "the request's context is context."+fn.Name()+"(), which has no deadline")}
		case typesutil.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue", "WithoutCancel") && len(call.Args) > 0:
			if fn.Name() == "WithoutCancel" {
				return Verdict{}
			}
			return Context(pass, cur, call.Args[0], depth+1)
		case typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "Context"):
			return Verdict{OK: true} // the incoming request's, or the caller's
		case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() != "context":
			// A helper that derives a context from the one it is
			// given (retry.Never(ctx), trace.ContextWithSpan(ctx, s),
			// metadata.AppendToOutgoingContext(ctx, ...)): bounded as
			// its argument is.
			for _, a := range call.Args {
				if typesutil.IsNamed(info.TypeOf(a), "context", "Context") {
					return Context(pass, cur, a, depth+1)
				}
			}
		}
		return Verdict{}
	}
	switch e := ctx.(type) {
	case *ast.SelectorExpr:
		// A context kept in a field: the operation's, set by its owner,
		// unless the package sets it to context.Background() or TODO()
		// (a builder's default, corpus: oauth2-proxy requests.builder).
		if s, ok := info.Selections[e]; ok && s.Kind() == types.FieldVal {
			if root := rootless(pass, cur, s.Obj()); root != "" {
				why := CtxUnused(pass, cur, types.ExprString(e)+" may be context."+root+"(), which has no deadline")
				if callerSettable(pass, cur, s.Obj()) {
					return Verdict{OK: true, Default: why}
				}
				return Verdict{Why: why}
			}
			return Verdict{OK: true}
		}
		return Verdict{}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return Verdict{}
		}
		fc, ok := fieldflow.EnclosingFunc(cur)
		if !ok {
			return Verdict{}
		}
		if IsParam(fc, v) {
			return Verdict{OK: true} // the caller controls it
		}
		defs := definitions(info, fc, v)
		if len(defs) == 0 {
			// A variable of an enclosing function (a closure): judged
			// in the function that declares it.
			for outer := range fc.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				if n := outer.Node(); v.Pos() < n.Pos() || n.End() <= v.Pos() {
					continue
				}
				if IsParam(outer, v) {
					return Verdict{OK: true}
				}
				odefs := definitions(info, outer, v)
				if len(odefs) == 0 {
					break
				}
				out := Verdict{OK: true}
				for _, d := range odefs {
					b := Context(pass, cur, d, depth+1)
					if !b.OK {
						return b
					}
					out.keep(b)
				}
				return out
			}
			return Verdict{}
		}
		out := Verdict{OK: true}
		for _, d := range defs {
			b := Context(pass, cur, d, depth+1)
			if !b.OK {
				return b
			}
			out.keep(b)
		}
		return out
	}
	return Verdict{}
}

// Definitions returns the values assigned to v in the function at fc,
// as definitions does.
func Definitions(info *types.Info, fc inspector.Cursor, v *types.Var) []ast.Expr {
	return definitions(info, fc, v)
}

// definitions returns the values assigned to v in the function at fc
// (v := x, v = x, and f() for v, w := f()); a declaration without a
// value (var v T) is no definition. A definition whose value
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
			if len(n.Values) == 0 {
				continue // var req *http.Request: the zero value, assigned later
			}
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

// IsParam reports whether v is a parameter of the function at fc.
func IsParam(fc inspector.Cursor, v *types.Var) bool {
	ft := passutil.FuncType(fc.Node())
	if ft == nil {
		return false
	}
	return ft.Params != nil && ft.Params.Pos() <= v.Pos() && v.Pos() < ft.Params.End()
}

// CtxUnused returns why, extended with "ctx is in scope but not used
// for the request" when the function at cur has a context.Context
// parameter (or an *http.Request one, whose Context is the caller's).
func CtxUnused(pass *analysis.Pass, cur inspector.Cursor, why string) string {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft := passutil.FuncType(fc.Node())
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

// maxFields bounds how many struct fields [Sends] follows a client
// into (a local variable stored in a field, a field copied to another).
const maxFields = 3

// Sends returns the sends made in the package through the
// client stored in obj (a variable or a struct field), directly or
// through a local alias (c := s.client), and whether every use of the
// client seen is a send, a field access or an assignment to it; any
// other use (passed on, returned, stored elsewhere) means requests may
// be sent where we cannot see. A local variable stored in a field of
// a struct type of this package (&T{client: c}, s.client = c) is
// followed into the field, over the whole package. A client handed
// to an SDK constructor from another package (github.NewClient(c))
// sends through the SDK's calls (see [SDK]).
func Sends(pass *analysis.Pass, root inspector.Cursor, obj types.Object) (sends []inspector.Cursor, closed bool) {
	info := pass.TypesInfo
	closed = true
	seen := map[types.Object]bool{obj: true}
	var uses func(root inspector.Cursor, obj types.Object)
	// field follows the client into a field of this package's struct
	// types, over the whole package (at most maxFields of them).
	field := func(f types.Object) {
		v, ok := f.(*types.Var)
		if !ok || !v.IsField() || v.Pkg() != pass.Pkg || len(seen) > maxFields {
			closed = false
			return
		}
		if !seen[v] {
			seen[v] = true
			uses(root.Inspector().Root(), v)
		}
	}
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
				if IsSend(sel.Sel.Name) && parent.ParentEdgeKind() == edge.CallExpr_Fun {
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
					switch l := ast.Unparen(n.Lhs[cur.ParentEdgeIndex()]).(type) {
					case *ast.Ident:
						alias, _ = info.ObjectOf(l).(*types.Var)
					case *ast.SelectorExpr:
						// s.client = c: follow the field.
						if sel, ok := info.Selections[l]; ok && sel.Kind() == types.FieldVal {
							field(sel.Obj())
							return
						}
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
		case edge.KeyValueExpr_Value:
			// &T{client: c}: follow the field.
			kv := parent.Node().(*ast.KeyValueExpr)
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
					if f.Pkg() != pass.Pkg {
						// &auth.Client{Client: c}: handed to another
						// package's type that sends the requests
						// its methods are given (see SDK).
						lit := parent.Parent()
						if lit.ParentEdgeKind() == edge.UnaryExpr_X {
							lit = lit.Parent()
						}
						if sdkTypes(pass, lit) != nil {
							sends = append(sends, lit)
							return
						}
					}
					field(f)
					return
				}
			}
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			return // compared with nil
		case edge.KeyValueExpr_Key:
			return // a field key in a struct literal: an assignment
		case edge.ReturnStmt_Results:
			if isGetter(cur) {
				// func (s *S) Client() *http.Client { return s.c }: for
				// tests and wiring, except where the package sends
				// through it at once (s.Client().Do(req)), also behind
				// its own interface (go-teams-notify's
				// MessageSender.HTTPClient()).
				if fn := accessor(pass, cur); fn != nil && !seen[fn] {
					seen[fn] = true
					sends = append(sends, getterSends(pass, root.Inspector().Root(), fn)...)
				}
				return
			}
			// An accessor (func (w *writer) getClient() *http.Client {
			// ...; return w.client }): its calls are uses of the client.
			if fn := accessor(pass, cur); fn != nil {
				if !seen[fn] && len(seen) <= maxFields {
					seen[fn] = true
					calls, _ := CallsOf(pass, root.Inspector().Root(), fn)
					for _, c := range calls {
						if !passutil.IsTestFile(pass, c.Node().Pos()) {
							visit(c, 0)
						}
					}
				}
				return
			}
		case edge.UnaryExpr_X, edge.CallExpr_Args:
			// f(&client, req) or f(ctx, client): handed to a call that
			// sends under the request or context it is given; or
			// github.NewClient(client): handed to an SDK.
			c := cur
			if c.ParentEdgeKind() == edge.UnaryExpr_X {
				c = c.Parent()
			}
			if c.ParentEdgeKind() == edge.CallExpr_Args {
				call := c.Parent().Node().(*ast.CallExpr)
				if handoff(info, call) != nil || sdkTypes(pass, c.Parent()) != nil {
					sends = append(sends, c.Parent())
					return
				}
			}
		}
		closed = false
	}
	uses = func(root inspector.Cursor, obj types.Object) {
		for cur := range root.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if info.Uses[id] != obj || passutil.IsTestFile(pass, id.Pos()) {
				continue // tests use the client with mocks and test servers
			}
			if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
				visit(cur.Parent(), 0) // s.client
			} else {
				visit(cur, 0)
			}
		}
	}
	uses(root, obj)
	return sends, closed
}

// AllBounded reports whether the client kept in obj sends at least
// one request in root, is used for nothing else, and every request it
// sends is bounded (or runs where bounded says it is, when given);
// otherwise it says why the first unbounded send is not, when it can.
func AllBounded(pass *analysis.Pass, root inspector.Cursor, obj types.Object, bounded func(send inspector.Cursor) bool) (bool, string) {
	v := AllBoundedVerdict(pass, root, obj, bounded)
	return v.OK, v.Why
}

// AllBoundedVerdict is AllBounded's verdict, with its Default: why a
// bounded client's requests may still run under the default
// context.Background() when the caller gives no context.
func AllBoundedVerdict(pass *analysis.Pass, root inspector.Cursor, obj types.Object, bounded func(send inspector.Cursor) bool) Verdict {
	sends, closed := Sends(pass, root, obj)
	v := Verdict{}
	for _, s := range sends {
		if bounded != nil && bounded(s) {
			continue // bounded by where it runs (a Lambda invocation, say)
		}
		var b Verdict
		if call, ok := s.Node().(*ast.CallExpr); ok {
			b = judgeSend(pass, s, call)
		} else {
			b, _ = SDK(pass, s) // a composite literal the client is a field of
		}
		if !b.OK {
			return Verdict{Why: b.Why}
		}
		v.keep(b)
	}
	v.OK = closed && len(sends) > 0
	return v
}

// judgeSend judges a send found by [Sends]: a client method call, or a
// call the client is handed to.
func judgeSend(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr) Verdict {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && typesutil.IsMethod(typesutil.Callee(pass.TypesInfo, call), typesutil.NetHTTP, "Client", sel.Sel.Name) {
		return Send(pass, cur, call, sel.Sel.Name)
	}
	a := handoff(pass.TypesInfo, call)
	if a == nil {
		v, _ := SDK(pass, cur)
		return v
	}
	if typesutil.IsPointerToNamed(pass.TypesInfo.TypeOf(a), typesutil.NetHTTP, "Request") {
		return Request(pass, cur, a)
	}
	return Context(pass, cur, a, 0)
}

// handoff returns the argument of call that bounds the requests a
// client handed to it sends: an *http.Request (the callee sends it),
// or else a context.Context; nil if there is none.
func handoff(info *types.Info, call *ast.CallExpr) ast.Expr {
	var ctx ast.Expr
	for _, a := range call.Args {
		t := info.TypeOf(a)
		if typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Request") {
			return a
		}
		if ctx == nil && typesutil.IsNamed(t, "context", "Context") {
			ctx = a
		}
	}
	return ctx
}

// IsUpgrade reports whether the request variable req, used at cur,
// asks for a protocol upgrade in the same function:
// req.Header.Set("Upgrade", ...) or req.Header.Set("Connection",
// "Upgrade") (or Add). The response to an upgrade is a connection that
// lives as long as the session, which a Timeout would cut.
func IsUpgrade(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) bool {
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

// accessor returns the function whose one result is the client field
// returned at cur (return w.client), when the function is declared
// (not a literal): a getter, perhaps behind a lock. nil otherwise.
func accessor(pass *analysis.Pass, cur inspector.Cursor) *types.Func {
	ret := cur.Parent().Node().(*ast.ReturnStmt)
	if len(ret.Results) != 1 {
		return nil
	}
	if _, ok := ast.Unparen(ret.Results[0]).(*ast.SelectorExpr); !ok {
		return nil // a variable returned: a factory, judged on its own
	}
	fc, ok := fieldflow.EnclosingFunc(cur)
	if !ok {
		return nil
	}
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return fn
}

// getterSends returns the sends in the package made at once on the
// result of the getter method fn (s.Client().Do(req)): calls of fn
// itself, or of the method of the same name on an interface that fn's
// receiver type implements.
func getterSends(pass *analysis.Pass, root inspector.Cursor, fn *types.Func) []inspector.Cursor {
	calls, _ := CallsOf(pass, root, fn)
	if recv := recvNamed(fn.Type().(*types.Signature)); recv != nil {
		calls = append(calls, interfaceCalls(pass, root, recv, fn.Name())...)
	}
	var out []inspector.Cursor
	for _, c := range calls {
		if passutil.IsTestFile(pass, c.Node().Pos()) || c.ParentEdgeKind() != edge.SelectorExpr_X {
			continue
		}
		sel := c.Parent()
		if IsSend(sel.Node().(*ast.SelectorExpr).Sel.Name) && sel.ParentEdgeKind() == edge.CallExpr_Fun {
			out = append(out, sel.Parent())
		}
	}
	return out
}

// isGetter reports whether the return at cur is the whole body of a
// method: a getter, which exposes the client for wiring and tests
// rather than sending through it.
func isGetter(cur inspector.Cursor) bool {
	ret := cur.Parent()
	if ret.ParentEdgeKind() != edge.BlockStmt_List {
		return false
	}
	body := ret.Parent()
	decl, ok := body.Parent().Node().(*ast.FuncDecl)
	return ok && decl.Recv != nil && len(decl.Body.List) == 1 && len(ret.Node().(*ast.ReturnStmt).Results) == 1
}

// callerSettable reports whether the package sets the context field
// from a context.Context parameter of an exported function or method:
// an option (func WithContext(ctx) Option { return func(o *options) {
// o.ctx = ctx } }) or a setter (func (b *Builder) WithContext(ctx)).
// A context.Background() default in the field is then what a caller
// gets who passes no context.
func callerSettable(pass *analysis.Pass, cur inspector.Cursor, field types.Object) bool {
	info := pass.TypesInfo
	exportedParam := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !typesutil.IsNamed(v.Type(), "context", "Context") {
			return false
		}
		for dc := range cur.Inspector().Root().Preorder((*ast.FuncDecl)(nil)) {
			decl := dc.Node().(*ast.FuncDecl)
			if p := decl.Type.Params; p != nil && p.Pos() <= v.Pos() && v.Pos() < p.End() {
				return decl.Name.IsExported()
			}
		}
		return false
	}
	for v := range fieldValues(info, cur, field) {
		if exportedParam(v) {
			return true
		}
	}
	return false
}

// rootless returns "Background" or "TODO" when the package stores
// context.Background() or context.TODO() in the field (by assignment
// or in a struct literal), or "".
func rootless(pass *analysis.Pass, cur inspector.Cursor, field types.Object) string {
	info := pass.TypesInfo
	for v := range fieldValues(info, cur, field) {
		if call, ok := ast.Unparen(v).(*ast.CallExpr); ok {
			if fn := typesutil.Callee(info, call); typesutil.IsFunc(fn, "context", "Background", "TODO") {
				return fn.Name()
			}
		}
	}
	return ""
}

// fieldValues yields the values the package stores in the field: the
// right-hand side of an assignment to it (x.ctx = v) or its value in a
// keyed struct literal (T{ctx: v}).
func fieldValues(info *types.Info, cur inspector.Cursor, field types.Object) iter.Seq[ast.Expr] {
	return func(yield func(ast.Expr) bool) {
		for n := range cur.Inspector().Root().Preorder((*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)) {
			switch n := n.Node().(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
						if s, ok := info.Selections[sel]; ok && s.Obj() == field && !yield(n.Rhs[i]) {
							return
						}
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && info.Uses[id] == field && !yield(n.Value) {
					return
				}
			}
		}
	}
}
