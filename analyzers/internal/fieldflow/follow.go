package fieldflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// use is what one occurrence of a tracked value does to it.
type use struct {
	fields   []*Field
	callee   *types.Func // static callee it is passed to
	arg      int         // parameter index at callee
	call     *ast.CallExpr
	method   *ast.CallExpr // v.M(...)
	escape   ast.Node
	reassign bool
	other    bool
}

// classify describes the occurrence at cur of a tracked value: an
// identifier, or a selector path such as s.t. ptr says whether the
// occurrence has pointer type (so passing it shares the value).
func (tr *Tracker) classify(cur inspector.Cursor, ptr bool) use {
	info := tr.Pass.TypesInfo
	parent := cur.Parent()
	switch cur.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		sel := parent.Node().(*ast.SelectorExpr)
		if name := tr.FieldOf(sel); name != "" {
			if f := tr.fieldWrite(parent, name); f != nil {
				return use{fields: []*Field{f}}
			}
			return use{}
		}
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			if parent.ParentEdgeKind() == edge.CallExpr_Fun {
				return use{method: parent.Parent().Node().(*ast.CallExpr)}
			}
		}
		return use{other: true}
	case edge.UnaryExpr_X:
		if u := parent.Node().(*ast.UnaryExpr); u.Op == token.AND && !ptr {
			return tr.classify(parent, true)
		}
	case edge.ParenExpr_X:
		return tr.classify(parent, ptr)
	case edge.AssignStmt_Lhs:
		// v = f(v) keeps the value alive under the same name: treat
		// it as handed to f, which we do not follow.
		as := parent.Node().(*ast.AssignStmt)
		if id, ok := cur.Node().(*ast.Ident); ok {
			if obj := info.ObjectOf(id); obj != nil {
				for _, rhs := range as.Rhs {
					mentions := false
					ast.Inspect(rhs, func(n ast.Node) bool {
						if x, ok := n.(*ast.Ident); ok && info.Uses[x] == obj {
							mentions = true
						}
						return !mentions
					})
					if mentions {
						return use{escape: as}
					}
				}
			}
		}
		return use{reassign: true}
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			if id, ok := as.Lhs[cur.ParentEdgeIndex()].(*ast.Ident); ok && id.Name == "_" {
				return use{}
			}
		}
		return use{escape: as}
	case edge.ValueSpec_Values, edge.SendStmt_Value:
		return use{escape: parent.Node()}
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if !ptr {
			return use{other: true} // a copy: the callee cannot change ours
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return use{escape: call} // conversion
		}
		fn := typesutil.StaticCallee(info, call)
		if fn == nil {
			return use{escape: call} // builtin, func value, interface method
		}
		pi := paramIndex(fn, cur.ParentEdgeIndex())
		if pi < 0 {
			return use{escape: call}
		}
		u := use{callee: fn, arg: pi, call: call}
		for _, name := range tr.ParamFields(fn, pi) {
			u.fields = append(u.fields, &Field{Name: name, Node: call})
		}
		return u
	}
	return use{other: true}
}

// fieldWrite returns the setting made by the selector v.F at cur, or
// nil when it only reads the field.
func (tr *Tracker) fieldWrite(cur inspector.Cursor, name string) *Field {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	parent := cur.Parent()
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		f := &Field{Name: name, Node: as}
		if len(as.Lhs) == len(as.Rhs) && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
			f.Value = as.Rhs[cur.ParentEdgeIndex()]
		}
		return f
	case edge.IncDecStmt_X:
		return &Field{Name: name, Node: parent.Node()}
	case edge.UnaryExpr_X:
		if u := parent.Node().(*ast.UnaryExpr); u.Op == token.AND {
			return &Field{Name: name, Node: u}
		}
	}
	return nil
}

// Follow computes the flow of construction k: the literal's keys, its
// binding, and everything that happens to the bound value afterwards.
func (tr *Tracker) Follow(k Construction) *Flow {
	c := &Flow{Construction: k}
	tr.follow(c, k.Cursor)
	return c
}

func (tr *Tracker) follow(c *Flow, cur inspector.Cursor) {
	info := tr.Pass.TypesInfo
	if c.Lit != nil {
		for _, elt := range c.Lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					c.add(&Field{Name: id.Name, Value: kv.Value, Node: kv})
				}
			}
		}
	}
	ptr := c.Kind != ZeroVar
	if c.Kind == Literal {
		if u, ok := cur.Node().(*ast.UnaryExpr); (!ok || u.Op != token.AND) && !tr.IsPtr(info.TypeOf(c.Expr)) {
			ptr = false
		}
	}

	// Find the binding.
	top := cur
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	switch top.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := top.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			break
		}
		lhs := ast.Unparen(as.Lhs[top.ParentEdgeIndex()])
		if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
			break
		}
		if chain(info, lhs) == nil {
			break
		}
		c.Path, c.Stmt, c.StmtCursor = lhs, as, top.Parent()
		if id, ok := lhs.(*ast.Ident); ok {
			c.Var, _ = info.ObjectOf(id).(*types.Var)
		}
	case edge.ValueSpec_Values:
		vs := top.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) != len(vs.Values) {
			break
		}
		id := vs.Names[top.ParentEdgeIndex()]
		if id.Name == "_" {
			break
		}
		c.Path, c.Stmt, c.StmtCursor = id, vs, top.Parent()
		c.Var, _ = info.Defs[id].(*types.Var)
	case edge.ValueSpec_Names:
		id := top.Node().(*ast.Ident)
		c.Path, c.Stmt, c.StmtCursor = id, top.Parent().Node(), top.Parent()
		c.Var, _ = info.Defs[id].(*types.Var)
	case edge.KeyValueExpr_Value:
		// An embedded field promotes the value's fields to the outer
		// struct, where they may be set: do not judge what is missing.
		kv := top.Parent().Node().(*ast.KeyValueExpr)
		if id, ok := kv.Key.(*ast.Ident); ok {
			if f, ok := info.Uses[id].(*types.Var); ok && f.Embedded() {
				c.Escaped = true
			} else if ok && f.IsField() {
				// &Proxy{rt: &http.Transport{...}}: the package may set
				// fields on p.rt.(*http.Transport) later.
				for _, name := range tr.FieldAsserted(f) {
					c.add(&Field{Name: name, Node: kv})
				}
			}
		}
		return
	default:
		// Not bound: what happens to the value right here still counts
		// (passed to a helper, handed to a dynamic call).
		tr.apply(c, tr.classify(top, ptr))
		return
	}
	if c.Path == nil {
		return
	}
	tr.followPath(c, cur, ptr)
}

func (tr *Tracker) apply(c *Flow, u use) bool {
	for _, f := range u.fields {
		c.add(f)
	}
	switch {
	case u.escape != nil:
		c.Escaped = true
	case u.method != nil:
		c.Calls = append(c.Calls, u.method)
	case u.reassign:
		return false
	case u.other, u.callee != nil:
		c.Uses++
	}
	return true
}

// followPath walks the occurrences of c.Path after the construction.
func (tr *Tracker) followPath(c *Flow, cur inspector.Cursor, ptr bool) {
	info := tr.Pass.TypesInfo
	want := chain(info, c.Path)
	root := want[0]
	pkgLevel := typesutil.IsPackageLevel(root)

	// The region: the function that declares the root variable, or
	// the whole package for package-level variables.
	region := tr.Root
	if !pkgLevel {
		found := false
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			n := fc.Node()
			if n.Pos() <= root.Pos() && root.Pos() < n.End() {
				region, found = fc, true
				break
			}
		}
		if !found {
			return
		}
	}
	after := c.Expr.End()
	if c.Stmt != nil {
		after = c.Stmt.End()
	}
	var types_ []ast.Node
	if len(want) == 1 {
		types_ = []ast.Node{(*ast.Ident)(nil)}
	} else {
		types_ = []ast.Node{(*ast.SelectorExpr)(nil)}
	}
	for oc := range region.Preorder(types_...) {
		n := oc.Node()
		if !pkgLevel && n.Pos() < after {
			continue
		}
		if pkgLevel && c.Stmt != nil && c.Stmt.Pos() <= n.Pos() && n.Pos() < c.Stmt.End() {
			continue
		}
		if len(want) == 1 {
			if info.Uses[n.(*ast.Ident)] != root {
				continue
			}
		} else if !slices.Equal(chain(info, n.(*ast.SelectorExpr)), want) {
			continue
		}
		if !tr.apply(c, tr.classify(oc, ptr)) && !pkgLevel {
			return // reassigned: later uses belong to another value
		}
	}
}

// chain returns the objects of a variable or field path (v, s.f.g),
// or nil for any other expression.
func chain(info *types.Info, e ast.Expr) []types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return []types.Object{v}
		}
	case *ast.SelectorExpr:
		s, ok := info.Selections[e]
		if !ok {
			// pkg.Var
			if v, ok := info.Uses[e.Sel].(*types.Var); ok {
				return []types.Object{v}
			}
			return nil
		}
		if s.Kind() != types.FieldVal {
			return nil
		}
		if x := chain(info, e.X); x != nil {
			return append(x, s.Obj())
		}
	}
	return nil
}

// SamePath reports whether a and b are the same variable or field path
// (t, s.t, pkg.T), by object.
func SamePath(info *types.Info, a, b ast.Expr) bool {
	ca, cb := chain(info, a), chain(info, b)
	return ca != nil && slices.Equal(ca, cb)
}

// PathRoot returns the variable at the root of a variable or field
// path (s in s.t.u), or nil.
func PathRoot(info *types.Info, e ast.Expr) *types.Var {
	c := chain(info, e)
	if c == nil {
		return nil
	}
	v, _ := c[0].(*types.Var)
	return v
}

// Storage returns the variable or struct field the client is kept in:
// the variable it is bound to, the field of the path it is assigned to
// (s.client = ...), or the field it is the value of in a struct literal
// (&T{client: ...}); nil otherwise.
func Storage(info *types.Info, c *Flow) *types.Var {
	if c.Var != nil {
		return c.Var
	}
	if sel, ok := c.Path.(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
		v, _ := info.Uses[sel.Sel].(*types.Var) // pkg.Var
		return v
	}
	top := c.Cursor
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.KeyValueExpr_Value {
		if id, ok := top.Parent().Node().(*ast.KeyValueExpr).Key.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
				return v
			}
		}
	}
	return nil
}
