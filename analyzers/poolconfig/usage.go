package poolconfig

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqbound"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// What the evidence says about how a transport is used: which clients
// send through it and whether they have a Timeout, whether it lives for
// the whole program or is dropped after each call, and whether it
// dials a unix socket. The rules only report what can break for that
// use.

// clients are the http.Client values built in the package, followed,
// so that a transport can find the clients that send through it.
type clients []*fieldflow.Flow

func findClients(pass *analysis.Pass, root inspector.Cursor) clients {
	tr := &fieldflow.Tracker{Pass: pass, Root: root, PkgPath: typesutil.NetHTTP, Name: "Client"}
	tr.Summarize() // helpers in this package that set a client's fields
	var out clients
	for k := range tr.Constructions(nil) {
		if k.Kind != fieldflow.Call {
			out = append(out, tr.Follow(k))
		}
	}
	return out
}

// usage is what the package shows about one transport.
type usage struct {
	clients    []*fieldflow.Flow // clients built here that send through it
	timed      bool              // one of them has a Timeout (not 0), or bounds every request it sends
	longLived  bool              // kept in a package-level variable, directly or by its client
	perCall    bool              // built, used and dropped inside one call
	unixSocket bool              // its dialer dials a unix socket
	example    bool              // built in an example program
}

func (cs clients) usage(t *transport) usage {
	info := t.pass.TypesInfo
	var u usage
	for _, c := range cs {
		// Every Transport the client is given: branches may set
		// different ones (c.Transport = a in one, b in the other).
		for _, f := range c.Fields["Transport"] {
			if f.Value == nil {
				continue
			}
			v := ast.Unparen(f.Value)
			addr := false // Transport: &t, t a by-value transport (corpus: telegraf burrow)
			if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND && t.Path != nil {
				addr = fieldflow.SamePath(info, u.X, t.Path)
			}
			if addr || t.is(v) {
				u.clients = append(u.clients, c)
				break
			}
		}
	}
	for _, c := range wrappedBy(t, cs) {
		u.timed = u.timed || timedClient(t, c)
	}
	for _, c := range u.clients {
		u.timed = u.timed || timedClient(t, c)
		if packageLevel(info, c) {
			u.longLived = true
		}
	}
	if len(u.clients) == 0 && callersTimed(t, cs) {
		u.timed = true // a factory whose every caller here sets a Timeout
	}
	if packageLevel(info, t.Flow) {
		u.longLived = true
	}
	u.perCall = !u.longLived && dropped(info, t, u.clients)
	u.unixSocket = dialsUnix(t)
	u.example = passutil.IsExample(t.pass.Pkg)
	return u
}

// is reports whether e is the transport: its expression, or the path
// it is bound to.
func (t *transport) is(e ast.Expr) bool {
	e = ast.Unparen(e)
	return e == t.Expr || t.Path != nil && fieldflow.SamePath(t.pass.TypesInfo, e, t.Path)
}

// timedClient reports whether client c has a Timeout (not 0), or
// bounds every request it sends.
func timedClient(t *transport, c *fieldflow.Flow) bool {
	if f := c.Last("Timeout"); f != nil {
		v := fieldflow.Const(t.pass.TypesInfo, f.Value)
		return v == nil || constant.Sign(v) != 0
	}
	return boundedSends(t, c) // every request carries a deadline or the caller's context
}

// callersTimed reports whether the transport is the result of a
// function of this package (a transport factory) that the package
// calls, and every call gives the transport to a client with a Timeout
// (corpus: telegraf's TransportConfig.CreateTransport, whose caller
// CreateClient always sets one). Callers in other packages are not
// seen; a factory the package never calls is judged as before.
func callersTimed(t *transport, cs clients) bool {
	info := t.pass.TypesInfo
	fn := returnedBy(t)
	if fn == nil {
		return false
	}
	calls := 0
	for cur := range t.tr.Root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if typesutil.Callee(info, call) != fn || passutil.IsTestFile(t.pass, call.Pos()) {
			continue
		}
		calls++
		if cur.ParentEdgeKind() != edge.AssignStmt_Rhs {
			return false
		}
		as := cur.Parent().Node().(*ast.AssignStmt)
		var v *types.Var
		for _, lhs := range as.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && t.tr.IsPtr(info.TypeOf(id)) {
				v, _ = info.ObjectOf(id).(*types.Var)
			}
		}
		if v == nil {
			return false
		}
		timed := slices.ContainsFunc(cs, func(c *fieldflow.Flow) bool {
			return slices.ContainsFunc(c.Fields["Transport"], func(f *fieldflow.Field) bool {
				id, ok := ast.Unparen(f.Value).(*ast.Ident)
				return ok && f.Value != nil && info.Uses[id] == v
			}) && timedClient(t, c)
		})
		if !timed {
			return false
		}
	}
	return calls > 0
}

// returnedBy returns the function of this package that returns the
// transport: return &http.Transport{...}, or return t for the variable
// it is bound to; nil otherwise.
func returnedBy(t *transport) *types.Func {
	fc, ok := fieldflow.EnclosingFunc(t.Cursor)
	if !ok {
		return nil
	}
	decl, ok := fc.Node().(*ast.FuncDecl)
	if !ok {
		return nil
	}
	fn, _ := t.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	top := t.Cursor
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.ReturnStmt_Results {
		return fn
	}
	if t.Var == nil || t.Escaped {
		return nil
	}
	for cur := range fc.Preorder((*ast.ReturnStmt)(nil)) {
		for _, r := range cur.Node().(*ast.ReturnStmt).Results {
			if id, ok := ast.Unparen(r).(*ast.Ident); ok && t.pass.TypesInfo.Uses[id] == t.Var {
				return fn
			}
		}
	}
	return nil
}

// packageLevel reports whether the value is bound to a package-level
// variable or a path rooted in one.
func packageLevel(info *types.Info, c *fieldflow.Flow) bool {
	if c.Path == nil {
		return false
	}
	root := fieldflow.PathRoot(info, c.Path)
	return root != nil && typesutil.IsPackageLevel(root)
}

// local reports whether c is bound to a local variable of a function
// and stays there: not escaped, not passed, returned or stored.
func local(info *types.Info, c *fieldflow.Flow, uses int) bool {
	if c.Escaped || c.Var == nil || typesutil.IsPackageLevel(c.Var) || c.Uses != uses {
		return false
	}
	_, ok := c.Path.(*ast.Ident)
	return ok
}

// dropped reports whether the transport is built, used and dropped
// inside one call: it and every client that sends through it are local
// variables that are never returned, stored or passed on.
func dropped(info *types.Info, t *transport, cs []*fieldflow.Flow) bool {
	if _, inFunc := fieldflow.EnclosingFunc(t.Cursor); !inFunc {
		return false
	}
	if t.Path == nil {
		// Inline in one client literal.
		if len(cs) != 1 || t.Escaped {
			return false
		}
	} else if !local(info, t.Flow, len(cs)) {
		return false
	}
	for _, c := range cs {
		if !local(info, c, 0) {
			return false
		}
	}
	return true
}

// dialsUnix reports whether the transport's dialer dials a unix socket:
// the function set as DialContext, Dial, DialTLSContext or DialTLS (a
// literal, a function of this package, or a local variable bound once
// to either: dial := func(...) {...}; corpus: go-gh's unix-socket round
// tripper) passes the network "unix" or "unixpacket" to a call. The
// network may be a variable: net.DialTimeout(u.Scheme, ...) inside the
// case "unix" of a switch on u.Scheme (or the body of if u.Scheme ==
// "unix") around the transport is a unix dial too (corpus: telegraf's
// influxdb outputs).
func dialsUnix(t *transport) bool {
	info := t.pass.TypesInfo
	unixPaths := unixGuards(t)
	for _, name := range []string{"DialContext", "Dial", "DialTLSContext", "DialTLS"} {
		f := t.Last(name)
		if f == nil || f.Value == nil {
			continue
		}
		body := dialerBody(t, f.Value)
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			for _, a := range call.Args {
				if v := fieldflow.Const(info, a); v != nil && v.Kind() == constant.String {
					if isUnixNetwork(constant.StringVal(v)) {
						found = true
					}
					continue
				}
				for _, p := range unixPaths {
					if fieldflow.SamePath(info, a, p) {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

func isUnixNetwork(s string) bool { return s == "unix" || s == "unixpacket" }

// dialerBody returns the code of the dial function e: its declaration
// when e names a function of this package, the value a local variable
// is bound to when it is bound exactly once, or e itself.
func dialerBody(t *transport, e ast.Expr) ast.Node {
	info := t.pass.TypesInfo
	switch obj := typesutil.ObjectOf(info, e).(type) {
	case *types.Func:
		if obj.Pkg() == t.pass.Pkg {
			if decl := funcDecl(t, obj); decl != nil {
				return decl
			}
		}
	case *types.Var:
		if typesutil.IsPackageLevel(obj) || obj.IsField() {
			return e
		}
		fc, ok := fieldflow.EnclosingFunc(t.Cursor)
		if !ok {
			return e
		}
		var value ast.Expr
		binds := 0
		for cur := range fc.Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			if info.ObjectOf(id) != obj {
				continue
			}
			switch cur.ParentEdgeKind() {
			case edge.AssignStmt_Lhs:
				as := cur.Parent().Node().(*ast.AssignStmt)
				binds++
				if _, i := cur.ParentEdge(); len(as.Lhs) == len(as.Rhs) {
					value = as.Rhs[i]
				}
			case edge.ValueSpec_Names:
				vs := cur.Parent().Node().(*ast.ValueSpec)
				binds++
				if _, i := cur.ParentEdge(); len(vs.Names) == len(vs.Values) {
					value = vs.Values[i]
				}
			}
		}
		if binds == 1 && value != nil {
			return dialerBody(t, value)
		}
	}
	return e
}

// unixGuards returns the expressions known to be "unix" where the
// transport is built: the tag of an enclosing switch whose case around
// it lists only unix networks, and X in an enclosing if X == "unix"
// whose body holds it.
func unixGuards(t *transport) []ast.Expr {
	info := t.pass.TypesInfo
	var out []ast.Expr
	for anc := range t.Cursor.Enclosing((*ast.CaseClause)(nil), (*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := anc.Node().(type) {
		case *ast.CaseClause:
			if len(n.List) == 0 {
				break
			}
			all := true
			for _, e := range n.List {
				v := fieldflow.Const(info, e)
				all = all && v != nil && v.Kind() == constant.String && isUnixNetwork(constant.StringVal(v))
			}
			if sw, ok := anc.Parent().Parent().Node().(*ast.SwitchStmt); ok && all && sw.Tag != nil {
				out = append(out, sw.Tag)
			}
		case *ast.IfStmt:
			if be, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && be.Op == token.EQL && inside(n.Body, t.Expr) {
				for _, pair := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
					if v := fieldflow.Const(info, pair[1]); v != nil && v.Kind() == constant.String && isUnixNetwork(constant.StringVal(v)) {
						out = append(out, pair[0])
					}
				}
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return out // the guards of the function that builds it
		}
	}
	return out
}

func inside(n ast.Node, e ast.Node) bool { return n.Pos() <= e.Pos() && e.End() <= n.End() }

// funcDecl returns the declaration of fn in the package, or nil.
func funcDecl(t *transport, fn *types.Func) *ast.FuncDecl {
	for cur := range t.tr.Root.Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if t.pass.TypesInfo.Defs[decl.Name] == fn {
			return decl
		}
	}
	return nil
}

// assignedAfter returns the assignment that sets field name after the
// construction, when its last setting is one, or nil.
func (t *transport) assignedAfter(name string) *ast.AssignStmt {
	f := t.Last(name)
	if f == nil {
		return nil
	}
	as, ok := f.Node.(*ast.AssignStmt)
	if !ok || as.Pos() < t.Expr.End() {
		return nil
	}
	return as
}

// boundedSends reports whether every request the client sends in the
// package is bounded by its context (see reqbound), so that the
// context bounds the dial and the TLS handshake as a Timeout would.
func boundedSends(t *transport, c *fieldflow.Flow) bool {
	store := fieldflow.Storage(t.pass.TypesInfo, c)
	if store == nil {
		return false
	}
	root := t.tr.Root
	if !typesutil.IsPackageLevel(store) && !store.IsField() {
		fc, ok := fieldflow.EnclosingFunc(c.Cursor)
		if !ok {
			return false
		}
		root = fc
	}
	ok, _ := reqbound.AllBounded(t.pass, root, store, nil)
	return ok
}

// wrappedBy returns the clients whose Transport is a call of a function
// that takes the transport as an argument and returns an
// http.RoundTripper or *http.Transport: a wrapper that sends through it
// or configures and returns it (fresh3: syncthing's
// Transport: http2EnabledTransport(&http.Transport{...})
// in a client with Timeout: requestTimeout). The client's Timeout
// bounds every request the wrapper sends through the transport; a
// wrapper that never uses the transport makes its settings moot.
// Such clients count for the Timeout only, not for how long the
// transport lives.
func wrappedBy(t *transport, cs clients) []*fieldflow.Flow {
	info := t.pass.TypesInfo
	var out []*fieldflow.Flow
	for _, c := range cs {
		for _, f := range c.Fields["Transport"] {
			call, ok := ast.Unparen(f.Value).(*ast.CallExpr)
			if !ok || !typesutil.IsNamed(info.TypeOf(call), typesutil.NetHTTP, "RoundTripper") && !typesutil.IsPointerToNamed(info.TypeOf(call), typesutil.NetHTTP, "Transport") {
				continue
			}
			if slices.ContainsFunc(call.Args, t.is) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
