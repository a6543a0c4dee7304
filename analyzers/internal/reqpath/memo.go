package reqpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Memoized reports whether the code at cur is built at most once per
// long-lived owner, so that running it per request does not build a new
// value each time:
//
//   - inside a literal given to sync.Once.Do, sync.OnceFunc,
//     sync.OnceValue(s), or sync.Pool's New;
//   - in the body of "if E == nil" (or the else of "if E != nil"), where
//     E is a field, a package-level variable or a map element;
//   - after "if E != nil { return ... }" in the same block;
//   - behind a cache lookup: "v, ok := cache[k]" or "v, ok := c.Load(k)"
//     then "if !ok { ... }" or "if ok { return v }";
//   - by time: in the body of an if whose condition reads how long a
//     credential or value has left (time.Until, time.Since, Time.Sub,
//     Before, After), or in a loop whose body computes that (a
//     refresher that sleeps until shortly before expiry): it runs once
//     per lifetime, not per request or iteration.
func (m *Model) Memoized(cur inspector.Cursor) bool {
	info := m.pass.TypesInfo
	child := cur
	for anc := range cur.Enclosing() {
		if anc == cur {
			continue
		}
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			switch child.ParentEdgeKind() {
			case edge.IfStmt_Body:
				if guardTest(info, anc, n.Cond, false) || m.getterTest(anc, n.Cond, false) || readsExpiry(info, n.Cond) {
					return true
				}
			case edge.IfStmt_Else:
				if guardTest(info, anc, n.Cond, true) || m.getterTest(anc, n.Cond, true) {
					return true
				}
			}
		case *ast.BlockStmt:
			for prev, ok := child.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				if ifs, isIf := prev.Node().(*ast.IfStmt); isIf && endsInReturn(ifs.Body) && (guardTest(info, prev, ifs.Cond, true) || m.getterTest(prev, ifs.Cond, true)) {
					return true
				}
			}
		case *ast.ForStmt, *ast.RangeStmt:
			if k := child.ParentEdgeKind(); (k == edge.ForStmt_Body || k == edge.RangeStmt_Body) && readsExpiry(info, child.Node()) {
				return true
			}
		case *ast.FuncLit:
			if isMemoFuncLit(info, anc) {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
		child = anc
	}
	return false
}

// getterTest reports whether cond tests that the value a getter of
// this package returns is present (hit: v != nil) or absent (!hit: v ==
// nil), where v is defined in the if statement's init from the getter,
// or the getter call is the operand itself: "if obs := a.getObserver();
// obs != nil { ...; return }" (corpus: newrelic's connectTraceObserver,
// whose getter reads a field under the app's lock). A getter returns
// a field of its receiver, and does nothing else but lock and unlock.
func (m *Model) getterTest(ifCur inspector.Cursor, cond ast.Expr, hit bool) bool {
	info := m.pass.TypesInfo
	c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if c.Op == token.LAND || c.Op == token.LOR {
		return m.getterTest(ifCur, c.X, hit) || m.getterTest(ifCur, c.Y, hit)
	}
	wantOp := token.EQL
	if hit {
		wantOp = token.NEQ
	}
	if c.Op != wantOp {
		return false
	}
	x, y := c.X, c.Y
	if isNil(info, x) {
		x, y = y, x
	}
	if !isNil(info, y) {
		return false
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if id, isID := ast.Unparen(x).(*ast.Ident); isID {
		call, ok = nil, false
		ifs := ifCur.Node().(*ast.IfStmt)
		if as, isAssign := ifs.Init.(*ast.AssignStmt); isAssign && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if lhs, isLhsID := as.Lhs[0].(*ast.Ident); isLhsID && info.ObjectOf(lhs) == info.ObjectOf(id) {
				call, ok = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			}
		}
	}
	if !ok || len(call.Args) != 0 {
		return false
	}
	fn := typesutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() != m.pass.Pkg || fn.Type().(*types.Signature).Recv() == nil {
		return false
	}
	decl, ok := m.funcDecls()[fn]
	if !ok {
		return false
	}
	return isFieldGetter(info, decl.Node().(*ast.FuncDecl))
}

// isFieldGetter reports whether decl returns a field of its receiver
// and does nothing else but lock and unlock a sync mutex.
func isFieldGetter(info *types.Info, decl *ast.FuncDecl) bool {
	recv := receiverVar(info, decl)
	if recv == nil || decl.Body == nil || len(decl.Body.List) == 0 {
		return false
	}
	for _, stmt := range decl.Body.List {
		var call ast.Expr
		switch st := stmt.(type) {
		case *ast.ReturnStmt:
			if len(st.Results) != 1 {
				return false
			}
			if recvField(info, st.Results[0], recv) == nil {
				return false
			}
			continue
		case *ast.ExprStmt:
			call = st.X
		case *ast.DeferStmt:
			call = st.Call
		default:
			return false
		}
		ce, ok := ast.Unparen(call).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := typesutil.StaticCallee(info, ce)
		if !typesutil.IsMethod(fn, "sync", "Mutex", "Lock", "Unlock") &&
			!typesutil.IsMethod(fn, "sync", "RWMutex", "Lock", "Unlock", "RLock", "RUnlock") {
			return false
		}
	}
	_, last := decl.Body.List[len(decl.Body.List)-1].(*ast.ReturnStmt)
	return last
}

// readsExpiry reports whether n computes how long a value has left or
// has lived: time.Until, time.Since, or Time.Sub, Before, After. A
// rebuild guarded by that, or a loop that waits on it, runs once per
// lifetime (credentials refreshed before they expire).
func readsExpiry(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			fn := typesutil.Callee(info, call)
			found = typesutil.IsFunc(fn, "time", "Until", "Since") ||
				typesutil.IsMethod(fn, "time", "Time", "Sub", "Before", "After")
		}
		return !found
	})
	return found
}

// guardTest reports whether cond tests that a memoized value is
// present (hit) or absent (!hit). ifCur is the cursor of the if
// statement, used to find the definition of a comma-ok variable.
func guardTest(info *types.Info, ifCur inspector.Cursor, cond ast.Expr, hit bool) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return guardTest(info, ifCur, c.X, hit) || guardTest(info, ifCur, c.Y, hit)
		case token.EQL, token.NEQ:
			wantOp := token.EQL
			if hit {
				wantOp = token.NEQ
			}
			if c.Op != wantOp {
				// "ok == false" is a miss test, "ok != false" a hit test.
				if isFalse(info, c.Y) && isCacheOK(info, ifCur, c.X) {
					return true
				}
				return false
			}
			x, y := c.X, c.Y
			if isNil(info, x) {
				x, y = y, x
			}
			if isNil(info, y) && isLongLived(info, x) && !isParamFieldGuard(info, ifCur, x) {
				return true
			}
			if isFalse(info, y) && isCacheOK(info, ifCur, x) {
				return !hit
			}
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT && !hit {
			return isCacheOK(info, ifCur, c.X)
		}
	case *ast.Ident:
		if hit {
			return isCacheOK(info, ifCur, c)
		}
	}
	return false
}

func isNil(info *types.Info, e ast.Expr) bool {
	return info.Types[e].IsNil()
}

func isFalse(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.ObjectOf(id) == types.Universe.Lookup("false")
}

// isLongLived reports whether e denotes storage that outlives a
// request: a field, a package-level variable or a map element.
func isLongLived(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return typesutil.IsPackageLevel(info.ObjectOf(e))
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			return sel.Kind() == types.FieldVal
		}
		return typesutil.IsPackageLevel(info.ObjectOf(e.Sel)) // pkg.Var
	case *ast.IndexExpr:
		_, isMap := info.TypeOf(e.X).Underlying().(*types.Map)
		return isMap
	case *ast.StarExpr:
		return isLongLived(info, e.X)
	}
	return false
}

// isCacheOK reports whether e is the ok of a comma-ok cache lookup:
// "v, ok := m[k]" on a map, or "v, ok := c.Load(k)" (Get, Lookup, Peek).
func isCacheOK(info *types.Info, at inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || !types.Identical(v.Type().Underlying(), types.Typ[types.Bool]) {
		return false
	}
	fn, ok := enclosingFunc(at)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if found || !isAssign || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return !found
		}
		if okID, isID := as.Lhs[1].(*ast.Ident); !isID || info.ObjectOf(okID) != v {
			return true
		}
		switch rhs := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.IndexExpr:
			_, found = info.TypeOf(rhs.X).Underlying().(*types.Map)
		case *ast.CallExpr:
			if sel, isSel := ast.Unparen(rhs.Fun).(*ast.SelectorExpr); isSel {
				_, found = cacheLookups[sel.Sel.Name]
			}
		}
		return !found
	})
	return found
}

// endsInReturn reports whether a block's last statement is a return.
func endsInReturn(b *ast.BlockStmt) bool {
	if b == nil || len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// isMemoFuncLit reports whether the literal at lit runs at most once:
// it is given to sync.Once.Do, sync.OnceFunc, sync.OnceValue(s), or is
// a sync.Pool's New.
func isMemoFuncLit(info *types.Info, lit inspector.Cursor) bool {
	switch lit.ParentEdgeKind() {
	case edge.CallExpr_Args:
		call := lit.Parent().Node().(*ast.CallExpr)
		fn := typesutil.Callee(info, call)
		return typesutil.IsMethod(fn, "sync", "Once", "Do") ||
			typesutil.IsFunc(fn, "sync", "OnceFunc", "OnceValue", "OnceValues")
	case edge.KeyValueExpr_Value:
		kv := lit.Parent().Node().(*ast.KeyValueExpr)
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "New" {
			if cl, ok := lit.Parent().Parent().Node().(*ast.CompositeLit); ok {
				return typesutil.IsNamed(info.TypeOf(cl), "sync", "Pool")
			}
		}
	}
	return false
}
