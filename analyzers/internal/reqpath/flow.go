package reqpath

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Flow says where a built value goes.
type Flow struct {
	// Kept: the value outlives its scope: it is stored in a field, a
	// package-level variable, a map or slice element, a variable declared
	// outside the scope, sent on a channel, handed to a goroutine or to a
	// cache, or returned from a literal to code we cannot see.
	Kept bool
	// Returned: the enclosing function returns the value to its caller.
	Returned bool
	// Used: a method is called on the value, or on a value that carries
	// it (a client wrapping a transport): it sends requests.
	Used bool
	// Handed: the value is passed to a call whose result does not carry
	// it (discarded, or none): the callee may keep it.
	Handed bool
	// OneShot: the author closes the pool's idle connections
	// (CloseIdleConnections) or turns keep-alives off on it
	// (DisableKeepAlives): a deliberate one-shot, not a leak.
	OneShot bool
	// Captured: a closure refers to the value; it may outlive the call
	// (a poller started in a goroutine, a callback kept by a library).
	Captured bool
}

func (f Flow) or(g Flow) Flow {
	return Flow{f.Kept || g.Kept, f.Returned || g.Returned, f.Used || g.Used, f.Handed || g.Handed, f.OneShot || g.OneShot, f.Captured || g.Captured}
}

// oneShotMethods, called on a pool or on a client that carries it,
// close its idle connections: the author drops the pool on purpose
// (net/http's Transport and Client, x/net/http2's Transport, fasthttp).
var oneShotMethods = map[string]bool{"CloseIdleConnections": true}

// oneShotFields, set to true on a pool, keep no idle connections
// (net/http's Transport.DisableKeepAlives): nothing leaks when the pool
// is dropped.
var oneShotFields = map[string]bool{"DisableKeepAlives": true}

// maxFlowDepth bounds how far a value is followed; past it, the value is
// assumed kept, so that an unclear flow means silence.
const maxFlowDepth = 8

// Flow follows the value of the expression at cur through local
// variables, composite literals and calls, within scope: the function or
// loop body whose locals die with the request or iteration.
func (m *Model) Flow(cur inspector.Cursor, scope inspector.Cursor) Flow {
	return m.flow(cur, scope, nil)
}

// flow is Flow knowing which calls build (known, may be nil): in a
// loop, a value handed to one of them (a config to a client
// constructor, a session through session.Must) is followed through its
// result rather than assumed kept.
func (m *Model) flow(cur inspector.Cursor, scope inspector.Cursor, known func(*ast.CallExpr) bool) Flow {
	_, isLoop := scope.Node().(*ast.BlockStmt)
	f := &flower{pkg: m.pass.Pkg, info: m.pass.TypesInfo, scope: scope, loop: isLoop, known: known, decls: m.funcDecls, seen: make(map[types.Object]bool)}
	return f.expr(cur, 0)
}

type flower struct {
	pkg   *types.Package
	info  *types.Info
	scope inspector.Cursor
	loop  bool // scope is a loop body
	known func(*ast.CallExpr) bool
	decls func() map[*types.Func]inspector.Cursor // the package's function bodies
	seen  map[types.Object]bool
}

func (f *flower) expr(cur inspector.Cursor, depth int) Flow {
	if depth > maxFlowDepth {
		return Flow{Kept: true}
	}
	parent := cur.Parent()
	kind, idx := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		return f.expr(parent, depth+1)
	case *ast.TypeAssertExpr:
		if kind == edge.TypeAssertExpr_X {
			return f.expr(parent, depth+1)
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return f.expr(parent, depth+1)
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			if _, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
				return f.expr(parent.Parent(), depth+1)
			}
		}
	case *ast.CompositeLit:
		if kind == edge.CompositeLit_Elts {
			return f.expr(parent, depth+1)
		}
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
			return f.store(cur, p.Lhs[idx], depth)
		}
		if kind == edge.AssignStmt_Rhs {
			if len(p.Rhs) == 1 && isCall(cur.Node()) {
				return f.results(cur, p.Lhs, depth) // v, err := build()
			}
			return Flow{Kept: true} // v, ok := m[k] and friends: unclear
		}
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
			return f.store(cur, p.Names[idx], depth)
		}
		if kind == edge.ValueSpec_Values && len(p.Values) == 1 && isCall(cur.Node()) {
			lhs := make([]ast.Expr, len(p.Names))
			for i, id := range p.Names {
				lhs[i] = id
			}
			return f.results(cur, lhs, depth) // var v, err = build()
		}
	case *ast.ReturnStmt:
		fn, ok := enclosingFunc(cur)
		if ok {
			if _, isLit := fn.Node().(*ast.FuncLit); isLit && fn != f.scope {
				// Returned from a literal to code we cannot see: a cache
				// loader, a sync.Pool, a lazy getter.
				return Flow{Kept: true}
			}
		}
		return Flow{Returned: true}
	case *ast.SendStmt:
		if kind == edge.SendStmt_Value {
			return Flow{Kept: true}
		}
	case *ast.SelectorExpr:
		if kind != edge.SelectorExpr_X {
			break
		}
		sel, ok := f.info.Selections[p]
		if !ok {
			break
		}
		switch sel.Kind() {
		case types.MethodVal:
			if oneShotMethods[p.Sel.Name] {
				return Flow{OneShot: true}
			}
			// A method value (c.Do, not c.Do()) is bound to its
			// receiver: where it goes, the value goes (stored in a
			// field of a returned struct, kept as a callback).
			if parent.ParentEdgeKind() != edge.CallExpr_Fun {
				return Flow{Used: true}.or(f.expr(parent, depth+1))
			}
			// A builder chain hands on a value of the receiver's type
			// (b.WithTransportOptions(...), c.SetTimeout(...)), and a
			// method that hands the pool out as an *http.Client or a
			// RoundTripper (go-retryablehttp's StandardClient, corpus:
			// godo New) returns a view that sends through it: follow it.
			if parent.ParentEdgeKind() == edge.CallExpr_Fun {
				if sig, ok := sel.Type().(*types.Signature); ok && sig.Results().Len() == 1 &&
					(types.Identical(sig.Results().At(0).Type(), f.info.TypeOf(p.X)) || isHTTPView(sig.Results().At(0).Type())) {
					return Flow{Used: true}.or(f.expr(parent.Parent(), depth+1))
				}
			}
			return Flow{Used: true}
		case types.FieldVal:
			// cfg.Transport read back from a local that holds the
			// value (cfg.Transport = t earlier, cfg a by-value
			// parameter or a local struct; corpus: opensearch-go's
			// New), or c.Transport of a client that carries it: a field
			// of a type that sends (*http.Client, *http.Transport,
			// RoundTripper) carries the value on.
			if parent.ParentEdgeKind() != edge.AssignStmt_Lhs && isHTTPView(sel.Type()) {
				return f.expr(parent, depth+1)
			}
			// v.DisableKeepAlives = true
			if oneShotFields[p.Sel.Name] && parent.ParentEdgeKind() == edge.AssignStmt_Lhs {
				as := parent.Parent().Node().(*ast.AssignStmt)
				if len(as.Lhs) == len(as.Rhs) {
					_, i := parent.ParentEdge()
					if !isFalse(f.info, as.Rhs[i]) {
						return Flow{OneShot: true}
					}
				}
			}
		}
	case *ast.CallExpr:
		if kind != edge.CallExpr_Args {
			return Flow{} // called, or a method called on it
		}
		return f.arg(parent, p, idx, depth)
	}
	return Flow{}
}

// arg follows a value passed as an argument of call.
func (f *flower) arg(callCur inspector.Cursor, call *ast.CallExpr, idx, depth int) Flow {
	if _, isGo := callCur.Parent().Node().(*ast.GoStmt); isGo {
		return Flow{Kept: true} // handed to a goroutine
	}
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		return f.expr(callCur, depth+1) // conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				return f.expr(callCur, depth+1)
			}
			return Flow{}
		}
	}
	fn := typesutil.Callee(f.info, call)
	if f.loop && !f.localFunc(fn) && !f.passes(call, fn) {
		// A loop that hands each value to a method or to another
		// package is usually setting things up (registering a handler
		// per route, starting a checker per target), not dropping a pool
		// per iteration. A plain function of this package is followed.
		return Flow{Kept: true}
	}
	if typesutil.IsMethod(fn, "sync", "Map", "Store", "LoadOrStore", "Swap", "CompareAndSwap") ||
		typesutil.IsMethod(fn, "sync/atomic", "Value", "Store", "Swap", "CompareAndSwap") ||
		typesutil.IsMethod(fn, "sync/atomic", "Pointer", "Store", "Swap", "CompareAndSwap") {
		return Flow{Kept: true}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn != nil {
		if _, keeps := keepMethods[fn.Name()]; keeps {
			if isLongLived(f.info, sel.X) || f.outside(sel.X) {
				return Flow{Kept: true} // into a cache that outlives the scope
			}
		}
	}
	if f.storedInto(call, fn) {
		return Flow{Kept: true} // r.Handler(h) on a router kept in a field
	}
	// Otherwise the call's result may carry the value: a wrapper,
	// a constructor taking it, a builder chain. A call whose result is
	// dropped, or that has none, may keep the value, unless it is a
	// function of this package that only uses it (a send helper).
	var fl Flow
	if carries(f.info, call) {
		fl = f.expr(callCur, depth+1)
	}
	if sub, ok := f.inCallee(fn, idx, depth); ok {
		fl.Used = fl.Used || sub.Used
		fl.OneShot = fl.OneShot || sub.OneShot
		fl.Handed = fl.Handed || sub.Kept || sub.Captured || sub.Handed
		return fl
	}
	switch callCur.Parent().Node().(type) {
	case *ast.ExprStmt, *ast.DeferStmt:
		fl.Handed = true
	default:
		fl.Handed = fl.Handed || !hasResults(f.info, call)
	}
	return fl
}

// inCallee follows the argument at cur into the body of fn, when fn is
// a function or method of this package with a body: what its
// parameter does there (used to send, kept, handed on).
func (f *flower) inCallee(fn *types.Func, i, depth int) (Flow, bool) {
	if fn == nil || fn.Pkg() != f.pkg || f.decls == nil || depth > maxFlowDepth {
		return Flow{}, false
	}
	decl, ok := f.decls()[fn]
	if !ok {
		return Flow{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
		return Flow{}, false
	}
	sub := &flower{pkg: f.pkg, info: f.info, scope: decl, known: f.known, decls: f.decls, seen: make(map[types.Object]bool)}
	return sub.variable(sig.Params().At(i), depth+1), true
}

// passes reports whether call builds from its argument (a known
// construction or builder), or passes it through: its first result has
// the type of one of its arguments (session.Must(sess, err)).
func (f *flower) passes(call *ast.CallExpr, fn *types.Func) bool {
	if f.known != nil && f.known(call) {
		return true
	}
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || sig.Results().Len() == 0 {
		return false
	}
	res := sig.Results().At(0).Type()
	for i := 0; i < sig.Params().Len(); i++ {
		if types.Identical(sig.Params().At(i).Type(), res) {
			return true
		}
	}
	return false
}

// results follows the results of a call with several results, as in
// "v, err := build()": every result that is not an error or a bool
// may carry the value built.
func (f *flower) results(at inspector.Cursor, lhs []ast.Expr, depth int) Flow {
	var fl Flow
	for _, e := range lhs {
		t := f.info.TypeOf(e)
		if t == nil || types.Identical(t, types.Universe.Lookup("error").Type()) ||
			types.Identical(t.Underlying(), types.Typ[types.Bool]) {
			continue
		}
		fl = fl.or(f.store(at, e, depth))
		if fl.Kept {
			break
		}
	}
	return fl
}

// carries reports whether the results of call can hold a value built
// from its arguments: not when they are only errors, booleans, numbers
// or strings.
// isHTTPView reports whether t is an *http.Client, an *http.Transport
// or an http.RoundTripper: a value a method of a pool can return to
// send through the pool. A response or a request is not one, so
// return c.Get(url) does not keep c.
func isHTTPView(t types.Type) bool {
	return typesutil.IsNamedOrPointer(t, typesutil.NetHTTP, "Client", "Transport") ||
		typesutil.IsNamed(t, typesutil.NetHTTP, "RoundTripper")
}

func carries(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if t == nil {
		return false
	}
	var ts []types.Type
	if tup, ok := t.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			ts = append(ts, tup.At(i).Type())
		}
	} else {
		ts = []types.Type{t}
	}
	errType := types.Universe.Lookup("error").Type()
	for _, t := range ts {
		if _, basic := t.Underlying().(*types.Basic); !basic && !types.Identical(t, errType) {
			return true
		}
	}
	return false
}

func hasResults(info *types.Info, call *ast.CallExpr) bool {
	switch t := info.TypeOf(call).(type) {
	case nil:
		return false
	case *types.Tuple:
		return t.Len() > 0
	}
	return true
}

func isCall(n ast.Node) bool {
	_, ok := n.(*ast.CallExpr)
	return ok
}

// localFunc reports whether fn is a plain function (not a method)
// declared in the package under analysis.
func (f *flower) localFunc(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg() != f.pkg {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil
}

// store follows a value assigned to lhs.
func (f *flower) store(at inspector.Cursor, lhs ast.Expr, depth int) Flow {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
		// hc.Transport = t on a client built here lives as long as hc.
		if owner := f.freshLocal(sel.X); owner != nil {
			return f.variable(owner, depth+1)
		}
		// p.F = v on a parameter: the caller holds it through its
		// argument (a pointer), or v lives in the local copy p.
		if decl, ok := enclosingDecl(at); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				if i, ok := paramIndex(f.info, decl, f.info.Uses[id]); ok && i >= 0 {
					if _, ptr := f.info.TypeOf(id).Underlying().(*types.Pointer); ptr {
						return Flow{Returned: true}
					}
					return f.variable(f.info.Uses[id].(*types.Var), depth+1)
				}
			}
		}
		return Flow{Kept: true}
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return Flow{Kept: true} // an element, *p
	}
	if id.Name == "_" {
		return Flow{}
	}
	v, ok := f.info.ObjectOf(id).(*types.Var)
	if !ok || typesutil.IsPackageLevel(v) {
		return Flow{Kept: true}
	}
	if f.within(v.Pos()) {
		return f.variable(v, depth)
	}
	if isResult(at, v) {
		return Flow{Returned: true}
	}
	return Flow{Kept: true} // declared outside the scope: outlives it
}

// variable follows every use of a local variable.
func (f *flower) variable(v *types.Var, depth int) Flow {
	if f.seen[v] {
		return Flow{}
	}
	f.seen[v] = true
	var fl Flow
	for use := range f.scope.Preorder((*ast.Ident)(nil)) {
		id := use.Node().(*ast.Ident)
		if f.info.Uses[id] != v {
			continue
		}
		if use.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // overwritten, not read
		}
		if lit, ok := enclosingFunc(use); ok && lit != f.scope {
			if n := lit.Node(); f.within(n.Pos()) && (v.Pos() < n.Pos() || v.Pos() >= n.End()) {
				fl.Captured = true
			}
		}
		fl = fl.or(f.expr(use, depth+1))
		if fl.Kept {
			break
		}
	}
	return fl
}

// freshLocal returns the variable e denotes when it is a local of the
// scope that holds a value built in the scope: a composite literal,
// new(T), a zero value, or the result of a constructor (a function
// named New... or new..., Go's convention for one that returns a fresh
// value). A field stored into it then lives as long as the variable.
// Any other variable may point at long-lived storage.
func (f *flower) freshLocal(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || !f.within(v.Pos()) {
		return nil
	}
	fresh := false
	for cur := range f.scope.Preorder((*ast.Ident)(nil)) {
		def := cur.Node().(*ast.Ident)
		if f.info.Defs[def] != v {
			continue
		}
		rhs, zero := definedValue(cur)
		if zero {
			return v // var hc http.Client
		}
		fresh = rhs != nil && isFreshValue(f.info, rhs)
		break
	}
	if !fresh {
		return nil
	}
	return v
}

// isFreshValue reports whether e builds a new value: T{...}, &T{...},
// new(T), or a call of a constructor named New... or new....
func isFreshValue(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		return ok && e.Op == token.AND
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "new"
			}
		}
		fn := typesutil.Callee(info, e)
		if fn == nil {
			return false
		}
		if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
			return false
		}
		return strings.HasPrefix(fn.Name(), "New") || strings.HasPrefix(fn.Name(), "new")
	}
	return false
}

func (f *flower) within(pos token.Pos) bool {
	n := f.scope.Node()
	return n.Pos() <= pos && pos < n.End()
}

// outside reports whether e is a variable declared outside the scope.
func (f *flower) outside(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := f.info.ObjectOf(id).(*types.Var)
	return ok && !f.within(v.Pos())
}

// isResult reports whether v is a named result of the function around at.
func isResult(at inspector.Cursor, v *types.Var) bool {
	fn, ok := enclosingFunc(at)
	if !ok {
		return false
	}
	ft := passutil.FuncType(fn.Node())
	if ft == nil || ft.Results == nil {
		return false
	}
	for _, field := range ft.Results.List {
		for _, name := range field.Names {
			if name.Pos() == v.Pos() {
				return true
			}
		}
	}
	return false
}

// storedInto reports whether call is a setter of another package that
// stores its argument into a long-lived receiver: a method returning
// its receiver's type (a fluent setter, as a router's
// route.Handler(h) *Route) called on a receiver reached from a field,
// a package-level variable or a variable declared outside the scope
// (m.mux.Path(p).Handler(h)). The value lives as long as the receiver.
func (f *flower) storedInto(call *ast.CallExpr, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == f.pkg {
		return false // a function of this package is followed into its body
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s, ok := f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 ||
		!types.Identical(sig.Results().At(0).Type(), f.info.TypeOf(sel.X)) {
		return false
	}
	return f.longLivedRoot(sel.X)
}

// longLivedRoot reports whether e, a chain of method calls and field
// selections, starts at storage that outlives the scope: a field of a
// value not built in the scope, a package-level variable, or a variable
// declared outside the scope.
func (f *flower) longLivedRoot(e ast.Expr) bool {
	for range maxFlowDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			if s, ok := f.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
				return false
			}
			e = sel.X
		case *ast.SelectorExpr:
			s, ok := f.info.Selections[x]
			if !ok {
				return typesutil.IsPackageLevel(f.info.ObjectOf(x.Sel)) // pkg.Var
			}
			if s.Kind() != types.FieldVal {
				return false
			}
			if f.freshLocal(x.X) != nil {
				return false // a field of a value built here dies with it
			}
			return true
		case *ast.Ident:
			v, ok := f.info.ObjectOf(x).(*types.Var)
			return ok && (typesutil.IsPackageLevel(v) || !f.within(v.Pos()))
		default:
			return false
		}
	}
	return false
}
