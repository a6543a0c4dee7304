package clienttimeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqbound"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Places where a request without a client Timeout is bounded by
// something else, or where the user can interrupt it.

const lambdaPkg = "github.com/aws/aws-lambda-go/lambda"

// lambdaStarts are the aws-lambda-go functions whose argument is the
// handler: each invocation runs under the function's configured
// timeout, which bounds every request made inside it.
var lambdaStarts = []string{"Start", "StartWithOptions", "StartWithContext", "NewHandler", "NewHandlerWithOptions", "StartHandlerFunc"}

// places is what the package shows about where code runs.
type places struct {
	pass    *analysis.Pass
	lambda  map[types.Object]bool // Lambda handlers and what only they reach
	lits    map[*ast.FuncLit]bool // Lambda handlers written as literals
	runOnce map[types.Object]bool // in package main: main, init and what only they reach
	example bool                  // an example program
}

func findPlaces(pass *analysis.Pass, root inspector.Cursor) *places {
	p := &places{pass: pass, lits: make(map[*ast.FuncLit]bool)}
	info := pass.TypesInfo
	roots := make(map[types.Object]bool)
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !typesutil.IsFunc(typesutil.Callee(info, call), lambdaPkg, lambdaStarts...) {
			continue
		}
		for _, a := range call.Args {
			switch a := ast.Unparen(a).(type) {
			case *ast.FuncLit:
				p.lits[a] = true
			default:
				if fn, ok := typesutil.ObjectOf(info, a).(*types.Func); ok {
					roots[fn] = true
				}
			}
		}
	}
	p.lambda = onlyReachedFrom(pass, root, roots, p.lits)
	if pass.Pkg.Name() == "main" {
		mains := make(map[types.Object]bool)
		for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
			decl := cur.Node().(*ast.FuncDecl)
			if decl.Recv == nil && (decl.Name.Name == "main" || decl.Name.Name == "init") {
				if fn := info.Defs[decl.Name]; fn != nil {
					mains[fn] = true
				}
			}
		}
		p.runOnce = onlyReachedFrom(pass, root, mains, nil)
	}
	p.example = passutil.IsExample(pass.Pkg)
	return p
}

// onlyReachedFrom returns roots and the functions of the package whose
// every reference is a call made from a function already in the set
// (or from one of the literals lits).
func onlyReachedFrom(pass *analysis.Pass, root inspector.Cursor, roots map[types.Object]bool, lits map[*ast.FuncLit]bool) map[types.Object]bool {
	info := pass.TypesInfo
	set := make(map[types.Object]bool)
	for fn := range roots {
		set[fn] = true
	}
	if len(set) == 0 && len(lits) == 0 {
		return set
	}
	// The references to each function of the package.
	refs := make(map[types.Object][]inspector.Cursor)
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		if fn, ok := info.Uses[cur.Node().(*ast.Ident)].(*types.Func); ok && fn.Pkg() == pass.Pkg {
			if passutil.IsTestFile(pass, cur.Node().Pos()) {
				continue // tests call anything; they do not make it per request
			}
			refs[fn] = append(refs[fn], cur)
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, rs := range refs {
			if set[fn] {
				continue
			}
			all := true
			for _, r := range rs {
				c := r
				if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
					c = c.Parent()
				}
				if c.ParentEdgeKind() != edge.CallExpr_Fun || !inSet(info, c, set, lits) {
					all = false
					break
				}
			}
			if all {
				set[fn] = true
				changed = true
			}
		}
	}
	return set
}

// inSet reports whether the code at cur runs in a function of set (or
// a literal of lits): its innermost enclosing function is one, or is a
// literal called right there (immediately, by go or by defer) inside
// one.
func inSet(info *types.Info, cur inspector.Cursor, set map[types.Object]bool, lits map[*ast.FuncLit]bool) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := fc.Node().(type) {
		case *ast.FuncDecl:
			return set[info.Defs[n.Name]]
		case *ast.FuncLit:
			if lits[n] {
				return true
			}
			if fc.ParentEdgeKind() != edge.CallExpr_Fun {
				return false // handed on: it may run per request
			}
		}
	}
	return false
}

// interruptible reports whether the code at cur is in a run-once
// command or an example program.
func (p *places) interruptible(cur inspector.Cursor) bool {
	return p.example || p.runOnce != nil && inSet(p.pass.TypesInfo, cur, p.runOnce, nil)
}

// inLambda reports whether the code at cur runs inside a Lambda
// invocation.
func (p *places) inLambda(cur inspector.Cursor) bool {
	return inSet(p.pass.TypesInfo, cur, p.lambda, p.lits)
}

// hasContextSibling reports whether the code at cur is in an exported
// function or method F beside an exported FContext whose first
// parameter is a context.Context: the context-free form is the API's
// convenience, like http.Get beside http.NewRequestWithContext, and
// callers who need a bound use the sibling.
func hasContextSibling(pass *analysis.Pass, cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || !fn.Exported() {
			return false
		}
		name := fn.Name() + "Context"
		var sib types.Object
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
			sib, _, _ = types.LookupFieldOrMethod(recv.Type(), true, pass.Pkg, name)
		} else {
			sib = pass.Pkg.Scope().Lookup(name)
		}
		f, ok := sib.(*types.Func)
		if !ok || !f.Exported() {
			return false
		}
		params := f.Type().(*types.Signature).Params()
		return params.Len() > 0 && typesutil.IsNamed(params.At(0).Type(), "context", "Context")
	}
	return false
}

// timedSibling reports whether the client literal at cur is a field
// value in a struct literal beside another client literal on the same
// Transport that has a Timeout: the two are chosen per call, and the
// one without a Timeout is deliberate (a call that waits for a human).
func timedSibling(pass *analysis.Pass, c *fieldflow.Flow) bool {
	top := c.Cursor
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() != edge.KeyValueExpr_Value || c.Lit == nil {
		return false
	}
	mine := typesutil.KeyValue(c.Lit, "Transport")
	if mine == nil {
		return false
	}
	outer, ok := top.Parent().Parent().Node().(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range outer.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || kv == top.Parent().Node() {
			continue
		}
		v := ast.Unparen(kv.Value)
		if u, ok := v.(*ast.UnaryExpr); ok {
			v = ast.Unparen(u.X)
		}
		lit, ok := v.(*ast.CompositeLit)
		if !ok || !typesutil.IsNamedOrPointer(pass.TypesInfo.TypeOf(lit), typesutil.NetHTTP, "Client") {
			continue
		}
		if t := typesutil.KeyValue(lit, "Transport"); t != nil && typesutil.KeyValue(lit, "Timeout") != nil && types.ExprString(t) == types.ExprString(mine) {
			return true
		}
	}
	return false
}

// transports are the http.Transport values built in the package.
type transports struct {
	flows []*fieldflow.Flow
	root  inspector.Cursor
}

func findTransports(pass *analysis.Pass, root inspector.Cursor) transports {
	tr := &fieldflow.Tracker{Pass: pass, Root: root, PkgPath: typesutil.NetHTTP, Name: "Transport"}
	tr.Summarize()
	out := transports{root: root}
	for k := range tr.Constructions(nil) {
		out.flows = append(out.flows, tr.Follow(k))
	}
	return out
}

// boundAtTransport reports whether the client's Transport bounds a
// stalled server by itself: a DefaultTransport clone (dial and TLS
// handshake timeouts kept), or a transport with its own dialer and
// TLSHandshakeTimeout, that sets ResponseHeaderTimeout. A whole-request
// Timeout would cut its long polls and large downloads. The transport
// may come from a variable whose every value is such a transport, one
// returned by a function of the package that builds it (minio-go's
// DefaultTransport), a round tripper of the package wrapping one
// (rclone's fshttp.Transport{Transport: t}), or the caller's own (a
// parameter, or a field of one: opts.Transport), as long as one of
// them is built here.
func (ts transports) boundAtTransport(pass *analysis.Pass, c *fieldflow.Flow) bool {
	f := c.Last("Transport")
	if f == nil || f.Value == nil {
		return false
	}
	fc, inFunc := fieldflow.EnclosingFunc(c.Cursor)
	return ts.boundValue(pass, fc, inFunc, f.Value)
}

// boundValue reports whether the transport value e, an expression in
// the function at fc (when inFunc), bounds a stalled server (see
// boundAtTransport).
func (ts transports) boundValue(pass *analysis.Pass, fc inspector.Cursor, inFunc bool, e ast.Expr) bool {
	var fr *frame
	if inFunc {
		fr = &frame{fc: fc}
	}
	if ts.boundRT(pass, fr, e, 0) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || fr == nil {
		return false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || typesutil.IsPackageLevel(v) {
		return false
	}
	// The caller's transport (a parameter, or opts.Transport) counts
	// as bounded beside one built here.
	built := 0
	for _, d := range reqbound.Definitions(pass.TypesInfo, fc, v) {
		switch {
		case callerOwned(pass.TypesInfo, fc, d):
			continue
		case ts.boundRT(pass, fr, d, 1):
			built++
		default:
			return false
		}
	}
	return built > 0
}

// frame is a function being followed by boundRT: its cursor and, for
// a function entered through a call, the arguments of that call by
// parameter, evaluated in the caller's frame.
type frame struct {
	fc   inspector.Cursor
	args map[*types.Var]ast.Expr
	up   *frame
}

// maxRTDepth bounds how far boundRT follows values, calls and
// wrappers.
const maxRTDepth = 6

// boundRT reports whether the round tripper e, an expression in the
// frame fr (nil: outside a function), is a bounded transport built in
// the package (see bounded), or reaches one: a local variable whose
// every definition does, a parameter whose argument at the call being
// followed does, a call of a function of the package whose every
// non-nil round-tripper result does, or a composite literal of a round
// tripper type (a wrapper: &fshttp.Transport{Transport: t}) whose
// round-tripper fields all do, at least one of them set.
func (ts transports) boundRT(pass *analysis.Pass, fr *frame, e ast.Expr, depth int) bool {
	if depth > maxRTDepth {
		return false
	}
	info := pass.TypesInfo
	e = ast.Unparen(e)
	if ts.bounded(pass, e) {
		return true
	}
	switch n := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[n].(*types.Var)
		if !ok || fr == nil || typesutil.IsPackageLevel(v) {
			return false
		}
		if a, ok := fr.args[v]; ok {
			return ts.boundRT(pass, fr.up, a, depth+1)
		}
		defs := reqbound.Definitions(info, fr.fc, v)
		for _, d := range defs {
			if !ts.boundRT(pass, fr, d, depth+1) {
				return false
			}
		}
		return len(defs) > 0
	case *ast.CallExpr:
		return ts.returnsBounded(pass, fr, n, depth+1)
	case *ast.UnaryExpr:
		if n.Op != token.AND {
			return false
		}
		lit, ok := ast.Unparen(n.X).(*ast.CompositeLit)
		if !ok {
			return false
		}
		return ts.wrapperBounded(pass, fr, lit, depth)
	case *ast.CompositeLit:
		return ts.wrapperBounded(pass, fr, n, depth)
	}
	return false
}

// wrapperBounded reports whether lit builds a round tripper (a struct
// type other than net/http's with a RoundTrip method) around bounded
// ones: every keyed field of a round-tripper type holds a bounded
// transport, and there is at least one.
func (ts transports) wrapperBounded(pass *analysis.Pass, fr *frame, lit *ast.CompositeLit, depth int) bool {
	t := pass.TypesInfo.TypeOf(lit)
	if t == nil || typesutil.IsNamed(t, typesutil.NetHTTP, "Transport") || !isRoundTripper(t) {
		return false
	}
	n := 0
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if !isRoundTripper(pass.TypesInfo.TypeOf(kv.Value)) || fieldflow.IsNil(pass.TypesInfo, kv.Value) {
			continue
		}
		if !ts.boundRT(pass, fr, kv.Value, depth+1) {
			return false
		}
		n++
	}
	return n > 0
}

// isRoundTripper reports whether a value of type t (or a pointer to
// it) has net/http's RoundTrip method.
func isRoundTripper(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && typesutil.IsPointerToNamed(sig.Params().At(0).Type(), typesutil.NetHTTP, "Request") &&
		sig.Results().Len() == 2 && typesutil.IsPointerToNamed(sig.Results().At(0).Type(), typesutil.NetHTTP, "Response")
}

// bounded reports whether e is a transport built in the package that
// bounds a stalled server (see boundAtTransport).
func (ts transports) bounded(pass *analysis.Pass, e ast.Expr) bool {
	v := ast.Unparen(e)
	for _, t := range ts.flows {
		if !(v == t.Expr || t.Path != nil && fieldflow.SamePath(pass.TypesInfo, v, t.Path)) {
			continue
		}
		if !t.Set("ResponseHeaderTimeout") {
			return false
		}
		if t.Kind == fieldflow.Call && fieldflow.IsDefaultTransport(pass.TypesInfo, t.Recv) {
			return true
		}
		return t.Set("TLSHandshakeTimeout") && t.Set("DialContext", "Dial")
	}
	return false
}

// returnsBounded reports whether call calls a function of the package
// (a declared function, or a package-level variable holding a function
// literal) whose every non-nil round-tripper result is a bounded
// transport (see boundRT), its parameters bound to call's arguments.
func (ts transports) returnsBounded(pass *analysis.Pass, fr *frame, call *ast.CallExpr, depth int) bool {
	obj := typesutil.ObjectOf(pass.TypesInfo, call.Fun)
	if obj == nil || obj.Pkg() != pass.Pkg {
		return false
	}
	var body inspector.Cursor
	found := false
	for cur := range ts.root.Preorder((*ast.FuncDecl)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if pass.TypesInfo.Defs[n.Name] == obj && n.Body != nil {
				body, found = cur, true
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if pass.TypesInfo.Defs[name] == obj && i < len(n.Values) {
					if _, ok := ast.Unparen(n.Values[i]).(*ast.FuncLit); ok {
						body, found = cur.ChildAt(edge.ValueSpec_Values, i), true
					}
				}
			}
		}
		if found {
			break
		}
	}
	if !found {
		return false
	}
	inner := &frame{fc: body, args: bindArgs(pass.TypesInfo, body, call), up: fr}
	n := 0
	for rc := range body.Preorder((*ast.ReturnStmt)(nil)) {
		if enc, ok := fieldflow.EnclosingFunc(rc); !ok || enc != body {
			continue // a nested function literal's return
		}
		for _, r := range rc.Node().(*ast.ReturnStmt).Results {
			if !isRoundTripper(pass.TypesInfo.TypeOf(r)) || fieldflow.IsNil(pass.TypesInfo, r) {
				continue
			}
			if !ts.boundRT(pass, inner, r, depth+1) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// bindArgs maps the parameters of the function at fc to call's
// arguments (none for a variadic call or a spread argument).
func bindArgs(info *types.Info, fc inspector.Cursor, call *ast.CallExpr) map[*types.Var]ast.Expr {
	ft := passutil.FuncType(fc.Node())
	if ft == nil || ft.Params == nil || call.Ellipsis.IsValid() {
		return nil
	}
	out := make(map[*types.Var]ast.Expr)
	i := 0
	for _, f := range ft.Params.List {
		if _, ok := f.Type.(*ast.Ellipsis); ok {
			return out
		}
		for _, name := range f.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && i < len(call.Args) {
				out[v] = call.Args[i]
			}
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	return out
}

// callerOwned reports whether e is the caller's: a parameter of the
// function at fc, or a field path rooted at one (opts.Transport).
func callerOwned(info *types.Info, fc inspector.Cursor, e ast.Expr) bool {
	root := fieldflow.PathRoot(info, e)
	return root != nil && reqbound.IsParam(fc, root)
}

// callerTransport reports whether the client, a local variable, has
// as its only Transport a parameter of the exported function that
// builds it, never reassigned there, in a function with no
// context.Context or *http.Request parameter: the caller supplies the
// transport, and with it the bound (prom2json's
// FetchMetricFamilies(url, ch, transport), whose command passes a
// DefaultTransport clone with ResponseHeaderTimeout). A function that
// takes a ctx its request ignores is still reported: the fix is to use
// ctx. An unexported function is reported: its callers are here. So
// is a client kept beyond the call (stored in a field, returned).
func callerTransport(pass *analysis.Pass, c *fieldflow.Flow) bool {
	info := pass.TypesInfo
	f := c.Last("Transport")
	if f == nil || f.Value == nil || c.Var == nil || typesutil.IsPackageLevel(c.Var) || len(c.Fields["Transport"]) != 1 {
		return false
	}
	id, ok := ast.Unparen(f.Value).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	fc, inFunc := fieldflow.EnclosingFunc(c.Cursor)
	if !ok || !inFunc {
		return false
	}
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok || !decl.Name.IsExported() || !callerOwned(info, fc, id) || len(reqbound.Definitions(info, fc, v)) > 0 {
		return false
	}
	if decl.Recv != nil {
		fn, ok := info.Defs[decl.Name].(*types.Func)
		if !ok {
			return false
		}
		recv := fn.Type().(*types.Signature).Recv().Type()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		n, ok := types.Unalias(recv).(*types.Named)
		if !ok || !n.Obj().Exported() {
			return false
		}
	}
	for _, p := range decl.Type.Params.List {
		t := info.TypeOf(p.Type)
		if typesutil.IsNamed(t, "context", "Context") || typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Request") {
			return false
		}
	}
	// The call is the request: every send is made here, and the client
	// goes nowhere else. A client kept for later (restic's rest.Open
	// stores it in the Backend, whose Create posts with no context) is
	// judged by its requests.
	sends, closed := reqbound.Sends(pass, fc, c.Var)
	if !closed || len(sends) == 0 {
		return false
	}
	for _, snd := range sends {
		if snd.Node().Pos() < decl.Pos() || snd.Node().End() > decl.End() {
			return false
		}
	}
	return true
}
