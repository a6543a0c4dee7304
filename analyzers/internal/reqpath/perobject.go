package reqpath

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
)

// perObject computes the methods of the package that run once per
// object: unexported methods of a type T declared here whose every
// reference (outside test files) is in a constructor of T, a function
// that builds a T (T{...}, &T{...} or new(T)) and returns T, *T or an
// interface that *T implements.
// Such a method is part of building the object, directly or as the
// object's background goroutine started there (go t.run()): what it
// builds and drops is built once per object, not per call, and "build
// it once in the constructor" is already the case (corpus:
// aws-iam-authenticator's (*Server).getHandler, called only from
// server.New; newrelic's (*gRPCtraceObserver).connectToTraceObserver,
// the goroutine newTraceObserver starts, which holds its connection
// until shutdown). A per-request call of the constructor is still
// found: a call of the method counts as building into the receiver
// (see [Model.builds]).
func (m *Model) perObject() map[*types.Func]bool {
	m.objOnce.Do(func() { m.objSet = computePerObject(m) })
	return m.objSet
}

func computePerObject(m *Model) map[*types.Func]bool {
	info := m.pass.TypesInfo
	candidates := make(map[*types.Func]*types.TypeName)
	for fn := range m.funcDecls() {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil || fn.Exported() {
			continue
		}
		if tn := namedOf(sig.Recv().Type()); tn != nil && tn.Pkg() == m.pass.Pkg {
			candidates[fn] = tn
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	out := make(map[*types.Func]bool)
	refs := make(map[*types.Func]int)
	ctorCache := make(map[*types.Func]map[*types.TypeName]bool)
	for cur := range m.insp.Root().Preorder((*ast.Ident)(nil)) {
		fn, ok := info.Uses[cur.Node().(*ast.Ident)].(*types.Func)
		if !ok {
			continue
		}
		fn = fn.Origin()
		tn, ok := candidates[fn]
		if !ok || passutil.IsTestFile(m.pass, cur.Node().Pos()) {
			continue
		}
		refs[fn]++
		ok = false
		if declCur, inDecl := enclosingDeclCursor(cur); inDecl {
			if ctor, isFn := info.Defs[declCur.Node().(*ast.FuncDecl).Name].(*types.Func); isFn {
				if ctorCache[ctor] == nil {
					ctorCache[ctor] = constructs(info, ctor, declCur)
				}
				ok = ctorCache[ctor][tn]
			}
		}
		if prev, seen := out[fn]; !seen || prev {
			out[fn] = ok
		}
	}
	for fn, ok := range out {
		if !ok || refs[fn] == 0 {
			delete(out, fn)
		}
	}
	return out
}

// constructs returns the named types of this package that fn, declared
// at decl, constructs: it returns T, *T or an interface *T implements,
// and builds a T in its body.
func constructs(info *types.Info, fn *types.Func, decl inspector.Cursor) map[*types.TypeName]bool {
	out := make(map[*types.TypeName]bool)
	res := fn.Type().(*types.Signature).Results()
	var ifaces []*types.Interface
	returned := make(map[*types.TypeName]bool)
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if iface, ok := t.Underlying().(*types.Interface); ok && !iface.Empty() {
			ifaces = append(ifaces, iface) // func newX() (xer, error) returning a *x
		} else if tn := namedOf(t); tn != nil && tn.Pkg() == fn.Pkg() {
			returned[tn] = true
		}
	}
	if len(returned) == 0 && len(ifaces) == 0 {
		return out
	}
	isReturned := func(tn *types.TypeName) bool {
		if returned[tn] {
			return true
		}
		for _, iface := range ifaces {
			if types.Implements(types.NewPointer(tn.Type()), iface) {
				return true
			}
		}
		return false
	}
	for cur := range decl.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		var t types.Type
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			t = info.TypeOf(n)
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
					t = info.TypeOf(n.Args[0])
				}
			}
		}
		if tn := namedOf(t); tn != nil && tn.Pkg() == fn.Pkg() && isReturned(tn) {
			out[tn] = true
		}
	}
	return out
}

// namedOf returns the type name of T or *T, or nil.
func namedOf(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}
