package reqpath

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A Condition says when a conditional builder builds, from one of its
// arguments. A nil check on a field of a parameter is a default, not a
// cache: "if hc.Transport == nil { hc.Transport = newTransport() }"
// builds unless the caller's hc has a Transport (Set false); "if
// cfg.Proxy != nil { ... }" builds only when the caller set the option
// (Set true). Each call site decides from its argument.
type Condition struct {
	Param int    // the parameter's index; -1 for the receiver
	Field string // the field tested
	Set   bool   // builds only when the field is set; otherwise unless it is
}

func (c *Condition) String() string {
	arg := fmt.Sprintf("arg %d", c.Param)
	if c.Param < 0 {
		arg = "receiver"
	}
	if c.Set {
		return "only if " + arg + " sets " + c.Field
	}
	return "unless " + arg + " sets " + c.Field
}

// paramIndex returns the index of v among the parameters of decl (-1
// for the receiver), or false.
func paramIndex(info *types.Info, decl *ast.FuncDecl, v types.Object) (int, bool) {
	if v == nil {
		return 0, false
	}
	if decl.Recv != nil {
		for _, f := range decl.Recv.List {
			for _, n := range f.Names {
				if info.Defs[n] == v {
					return -1, true
				}
			}
		}
	}
	i := 0
	for _, f := range decl.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if info.Defs[n] == v {
				return i, true
			}
			i++
		}
	}
	return 0, false
}

// paramField reports whether e is p.F for a parameter p of decl, and
// returns the condition it would make.
func paramField(info *types.Info, decl *ast.FuncDecl, e ast.Expr) (Condition, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || decl == nil {
		return Condition{}, false
	}
	if s, ok := info.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return Condition{}, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return Condition{}, false
	}
	i, ok := paramIndex(info, decl, info.Uses[id])
	if !ok {
		return Condition{}, false
	}
	return Condition{Param: i, Field: sel.Sel.Name}, true
}

// testsParamField reports whether cond is "p.F == zero" (set false) or
// "p.F != zero" (set true), zero being nil or "".
func testsParamField(info *types.Info, decl *ast.FuncDecl, cond ast.Expr) (Condition, bool, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return Condition{}, false, false
	}
	x, y := b.X, b.Y
	if isZero(info, x) {
		x, y = y, x
	}
	if !isZero(info, y) {
		return Condition{}, false, false
	}
	c, ok := paramField(info, decl, x)
	return c, b.Op == token.NEQ, ok
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.IsNil() {
		return true
	}
	if lit, ok := ast.Unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		return lit.Value == `""` || lit.Value == "``"
	}
	return false
}

// paramGuard returns the condition under which the code at cur runs,
// when it is guarded by a test of a parameter's field in its top-level
// function: the body of "if p.F == nil" (or the else of "!= nil"), after
// "if p.F != nil { return }", or the body of "if p.F != nil".
func (m *Model) paramGuard(cur inspector.Cursor) *Condition {
	info := m.pass.TypesInfo
	decl, ok := enclosingDecl(cur)
	if !ok {
		return nil
	}
	child := cur
	for anc := range cur.Enclosing() {
		if anc == cur {
			continue
		}
		switch n := anc.Node().(type) {
		case *ast.IfStmt:
			k := child.ParentEdgeKind()
			if k != edge.IfStmt_Body && k != edge.IfStmt_Else {
				break
			}
			if c, set, ok := testsParamField(info, decl, n.Cond); ok {
				c.Set = set == (k == edge.IfStmt_Body)
				return &c
			}
			// if p.F != nil && p.G != nil { ... }: each conjunct holds.
			if k == edge.IfStmt_Body {
				for _, e := range conjuncts(n.Cond) {
					if c, set, ok := testsParamField(info, decl, e); ok {
						c.Set = set
						return &c
					}
				}
			}
		case *ast.BlockStmt:
			for prev, ok := child.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				ifs, isIf := prev.Node().(*ast.IfStmt)
				if !isIf || !endsInReturn(ifs.Body) {
					continue
				}
				if c, set, ok := testsParamField(info, decl, ifs.Cond); ok && set {
					return &c // if p.F != nil { return }: builds unless set
				}
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
		child = anc
	}
	return nil
}

// isParamFieldGuard reports whether e, tested against nil, is a field of
// a parameter of the top-level function around at: a condition, not a
// cache (see [Condition]).
func isParamFieldGuard(info *types.Info, at inspector.Cursor, e ast.Expr) bool {
	decl, ok := enclosingDecl(at)
	if !ok {
		return false
	}
	_, ok = paramField(info, decl, e)
	return ok
}

// judge decides a conditional builder's call from its argument: it
// builds (true), it does not or cannot be judged (false), or the
// argument is a parameter of the caller, which passes the condition up
// (a non-nil Condition on the caller's parameter).
func (m *Model) judge(s *site, cond *Condition) (bool, *Condition) {
	info := m.pass.TypesInfo
	call, ok := s.cur.Node().(*ast.CallExpr)
	if !ok {
		return false, nil
	}
	var arg ast.Expr
	if cond.Param < 0 {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false, nil
		}
		arg = sel.X
	} else if cond.Param < len(call.Args) {
		arg = call.Args[cond.Param]
	} else {
		return false, nil
	}
	arg = ast.Unparen(arg)
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	switch a := arg.(type) {
	case *ast.CompositeLit:
		return setsField(a, cond.Field) == cond.Set, nil
	case *ast.Ident:
		v, ok := info.Uses[a].(*types.Var)
		if !ok {
			return false, nil
		}
		decl, ok := enclosingDecl(s.cur)
		if !ok {
			return false, nil
		}
		if i, ok := paramIndex(info, decl, v); ok {
			up := *cond
			up.Param = i
			return false, &up
		}
		fnCur, ok := enclosingFunc(s.cur)
		if !ok {
			return false, nil
		}
		set, known := localSets(info, fnCur, v, cond.Field)
		if !known {
			return false, nil
		}
		return set == cond.Set, nil
	}
	return false, nil // a field or global is memoized; anything else unclear
}

// setsField reports whether a composite literal sets field to a value
// other than nil.
func setsField(cl *ast.CompositeLit, field string) bool {
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == field {
				id, isID := ast.Unparen(kv.Value).(*ast.Ident)
				return !isID || id.Name != "nil"
			}
		}
	}
	return false
}

// localSets reports whether the local variable v of the function at fn,
// defined from a composite literal (or &T{...}, or a zero value), has
// field set: in the literal, or by a later "v.field = ..." assignment.
// known is false when v's value comes from anywhere else.
func localSets(info *types.Info, fn inspector.Cursor, v *types.Var, field string) (set, known bool) {
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		switch {
		case info.Defs[id] == v:
			rhs, zero := definedValue(cur)
			if zero {
				known = true
				continue
			}
			e := ast.Unparen(rhs)
			if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
				e = ast.Unparen(u.X)
			}
			cl, ok := e.(*ast.CompositeLit)
			if !ok {
				return false, false
			}
			known, set = true, set || setsField(cl, field)
		case info.Uses[id] == v:
			if cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
				return false, false // reassigned: unclear
			}
			if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel.Name == field &&
				cur.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
				set = true
			}
		}
	}
	return set, known
}

// conjuncts splits "a && b && c" into its operands.
func conjuncts(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// definedValue returns the value the defining identifier at cur is
// given (x in v := x, var v = x), or nil when it cannot be told apart
// (a multi-value assignment); zero is set for var v T with no value.
func definedValue(cur inspector.Cursor) (rhs ast.Expr, zero bool) {
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if _, i := cur.ParentEdge(); len(p.Lhs) == len(p.Rhs) {
			return p.Rhs[i], false
		}
	case *ast.ValueSpec:
		if len(p.Values) == 0 {
			return nil, true
		}
		if _, i := cur.ParentEdge(); len(p.Names) == len(p.Values) {
			return p.Values[i], false
		}
	}
	return nil, false
}
