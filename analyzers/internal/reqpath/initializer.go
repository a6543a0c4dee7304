package reqpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
)

// initializer reports whether fn is a method that sets up its receiver,
// called from outside this package only (a framework's lifecycle hook,
// such as caddy's Provision): at the top level of its body it
// unconditionally replaces a field of its receiver with a fresh empty
// value (make(...), new(...) or an empty composite literal), a field
// that no other function of the package writes and that another
// function reads. Run per request, such a method would wipe the state
// the rest of the type relies on at every call, so it runs once per
// object, and what it builds and drops is built once per object
// (fresh3: caddy's (*TLS).Provision builds a certmagic config to load
// the unmanaged certificates, after t.serverNames = make(...)). A
// method called in this package is left to its callers (see
// [Model.perObject], [Model.callersMemoized]).
func (m *Model) initializer(fn *types.Func) bool {
	declCur, ok := m.funcDecls()[fn]
	if !ok {
		return false
	}
	info := m.pass.TypesInfo
	decl := declCur.Node().(*ast.FuncDecl)
	recv := receiverVar(info, decl)
	if recv == nil {
		return false
	}
	if _, ptr := recv.Type().(*types.Pointer); !ptr {
		return false // a value receiver's writes are lost when it returns
	}
	if tn := namedOf(recv.Type()); tn == nil || tn.Pkg() != m.pass.Pkg {
		return false
	}
	var resets []*types.Var
	for _, stmt := range decl.Body.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if f := recvField(info, lhs, recv); f != nil && freshEmpty(info, as.Rhs[i]) {
				resets = append(resets, f)
			}
		}
	}
	if len(resets) == 0 {
		return false
	}
	// references to fn and accesses to the reset fields in the package
	want := make(map[*types.Var]bool, len(resets))
	for _, f := range resets {
		want[f] = true
	}
	writtenElsewhere := make(map[*types.Var]bool)
	readElsewhere := make(map[*types.Var]bool)
	for cur := range m.insp.Root().Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		if passutil.IsTestFile(m.pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.Ident:
			if obj, ok := info.Uses[n].(*types.Func); ok && obj.Origin() == fn {
				return false // called (or taken) in this package: its callers decide
			}
		case *ast.SelectorExpr:
			s := info.Selections[n]
			if s == nil || s.Kind() != types.FieldVal || !want[s.Obj().(*types.Var)] {
				continue
			}
			if inside(declCur, n) {
				continue
			}
			f := s.Obj().(*types.Var)
			if isWrite(cur) {
				writtenElsewhere[f] = true
			} else {
				readElsewhere[f] = true
			}
		}
	}
	for _, f := range resets {
		if !writtenElsewhere[f] && readElsewhere[f] {
			return true
		}
	}
	return false
}

// recvField returns the field F when e is recv.F (a field of the
// receiver variable recv), or nil.
func recvField(info *types.Info, e ast.Expr, recv *types.Var) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != recv {
		return nil
	}
	if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
		return s.Obj().(*types.Var)
	}
	return nil
}

// freshEmpty reports whether e is make(...), new(...) or a composite
// literal (or its address) with no elements.
func freshEmpty(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch n := e.(type) {
	case *ast.CompositeLit:
		return len(n.Elts) == 0
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "make" || b.Name() == "new"
			}
		}
	}
	return false
}

// inside reports whether n lies within the node at cur.
func inside(cur inspector.Cursor, n ast.Node) bool {
	return cur.Node().Pos() <= n.Pos() && n.End() <= cur.Node().End()
}

// isWrite reports whether the selector at cur is assigned, incremented
// or has its address taken.
func isWrite(cur inspector.Cursor) bool {
	n := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == n {
				return true
			}
		}
	case *ast.IncDecStmt:
		return p.X == n
	case *ast.UnaryExpr:
		return p.Op == token.AND
	}
	return false
}
