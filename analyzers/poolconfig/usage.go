package poolconfig

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
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
			if v == t.Expr || t.Path != nil && fieldflow.SamePath(info, v, t.Path) {
				u.clients = append(u.clients, c)
				break
			}
		}
	}
	for _, c := range u.clients {
		if f := c.Last("Timeout"); f != nil {
			if v := fieldflow.Const(info, f.Value); v == nil || constant.Sign(v) != 0 {
				u.timed = true
			}
		} else if boundedSends(t, c) {
			u.timed = true // every request carries a deadline or the caller's context
		}
		if packageLevel(info, c) {
			u.longLived = true
		}
	}
	if packageLevel(info, t.Flow) {
		u.longLived = true
	}
	u.perCall = !u.longLived && dropped(info, t, u.clients)
	u.unixSocket = dialsUnix(t)
	return u
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

// dialsUnix reports whether the transport's DialContext or Dial dials
// a unix socket: the function it is set to (a literal, or a function
// of this package) passes the network "unix" or "unixpacket" to a call.
func dialsUnix(t *transport) bool {
	info := t.pass.TypesInfo
	for _, name := range []string{"DialContext", "Dial"} {
		f := t.Last(name)
		if f == nil || f.Value == nil {
			continue
		}
		var body ast.Node = f.Value
		if fn, ok := typesutil.ObjectOf(info, f.Value).(*types.Func); ok && fn.Pkg() == t.pass.Pkg {
			if decl := funcDecl(t, fn); decl != nil {
				body = decl
			}
		}
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			for _, a := range call.Args {
				if v := fieldflow.Const(info, a); v != nil && v.Kind() == constant.String {
					if s := constant.StringVal(v); s == "unix" || s == "unixpacket" {
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
