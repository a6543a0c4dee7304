// Package fieldflow follows a value of one struct type (http.Transport,
// http.Client) from where it is constructed through the fields that are
// set on it afterwards: keys of the literal, assignments to the same
// variable or field path in the same function, and helpers that set
// fields through a pointer parameter. Helpers are summarised per
// function, so that analyzers can export the summaries as facts.
//
// It answers one question for the analyzers that check configuration:
// "which fields of this value are set, and does it escape to code we
// cannot see?". It never reports anything itself.
package fieldflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Kind says how a value was constructed.
type Kind int

const (
	Literal Kind = iota // T{...} or &T{...}
	New                 // new(T)
	ZeroVar             // var v T
	Call                // a call that returns a fresh *T, such as Clone
)

// Field is one setting of a field.
type Field struct {
	Name string
	// Value is the assigned expression, or nil when it cannot be known
	// (set by a helper, through &v.F, by v.F++ or a multi-value call).
	Value ast.Expr
	// Node is the KeyValueExpr, AssignStmt, IncDecStmt, UnaryExpr or
	// helper CallExpr that sets the field.
	Node ast.Node
	// Helper is the function that sets it, for fields set by a helper.
	Helper *types.Func
}

// Construction is one value and what happens to it.
type Construction struct {
	Kind Kind
	// Expr is the construction: the CompositeLit (or &CompositeLit),
	// the new or Clone CallExpr, or the declared Ident of a ZeroVar.
	Expr ast.Expr
	Lit  *ast.CompositeLit // for Literal
	// Fields holds every setting seen, in source order per name.
	Fields map[string][]*Field
	// Var is the variable the value is bound to, or nil.
	Var *types.Var
	// Path is the variable or field path (s.t) the value is assigned
	// to, or nil when it is not bound.
	Path ast.Expr
	// Stmt is the *ast.AssignStmt or *ast.ValueSpec that binds it.
	Stmt ast.Node
	// StmtCursor is Stmt's cursor, when Stmt is not nil.
	StmtCursor inspector.Cursor
	// Escaped is set when the value reaches code that might set its
	// fields where we cannot see: an alias, a channel, a dynamic call.
	Escaped    bool
	EscapeNode ast.Node
	// Calls are the method calls made on the bound value (v.M(...)),
	// in source order.
	Calls []*ast.CallExpr
	// Uses counts the uses of the bound value other than field writes
	// and method calls (passed, returned, stored, compared).
	Uses int
}

// Set reports whether field name is set anywhere.
func (c *Construction) Set(names ...string) bool {
	for _, n := range names {
		if len(c.Fields[n]) > 0 {
			return true
		}
	}
	return false
}

// Last returns the last setting of name, or nil.
func (c *Construction) Last(name string) *Field {
	fs := c.Fields[name]
	if len(fs) == 0 {
		return nil
	}
	return fs[len(fs)-1]
}

func (c *Construction) add(f *Field) {
	if c.Fields == nil {
		c.Fields = make(map[string][]*Field)
	}
	c.Fields[f.Name] = append(c.Fields[f.Name], f)
}

// Tracker follows values of the named type PkgPath.Name.
type Tracker struct {
	Pass    *analysis.Pass
	Root    inspector.Cursor
	PkgPath string
	Name    string
	// Imported reports the fields that fn, declared in another
	// package, sets through its i'th parameter (from facts).
	Imported func(fn *types.Func, i int) []string

	local map[*types.Func]map[int][]string
}

// IsType reports whether t is the tracked type (not a pointer).
func (tr *Tracker) IsType(t types.Type) bool {
	return t != nil && typesutil.IsNamed(t, tr.PkgPath, tr.Name)
}

// IsPtr reports whether t is a pointer to the tracked type.
func (tr *Tracker) IsPtr(t types.Type) bool {
	return t != nil && typesutil.IsPointerToNamed(t, tr.PkgPath, tr.Name)
}

// FieldOf returns the name of the tracked type's field that sel
// selects directly on a value or pointer of the tracked type, or "".
func (tr *Tracker) FieldOf(sel *ast.SelectorExpr) string {
	s, ok := tr.Pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return ""
	}
	if !tr.IsType(s.Recv()) && !tr.IsPtr(s.Recv()) {
		return ""
	}
	return s.Obj().Name()
}

// ParamFields reports the fields fn sets through its i'th parameter,
// from this package's summaries or from facts.
func (tr *Tracker) ParamFields(fn *types.Func, i int) []string {
	if fn == nil {
		return nil
	}
	if fn.Pkg() == tr.Pass.Pkg {
		return tr.local[fn][i]
	}
	if tr.Imported != nil {
		return tr.Imported(fn, i)
	}
	return nil
}

// paramIndex maps argument index i of a call to fn to its parameter.
func paramIndex(fn *types.Func, i int) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return -1
	}
	n := sig.Params().Len()
	if sig.Variadic() && i >= n-1 {
		return n - 1
	}
	if i >= n {
		return -1
	}
	return i
}

// Summarize computes, for every function declared in the package, the
// fields of the tracked type it sets through each pointer parameter,
// directly or through calls to other helpers. It must run before
// Follow. The result is keyed by function and parameter index.
func (tr *Tracker) Summarize() map[*types.Func]map[int][]string {
	info := tr.Pass.TypesInfo
	tr.local = make(map[*types.Func]map[int][]string)
	type edgeTo struct {
		fn    *types.Func
		param int
		to    *types.Func
		toArg int
	}
	var edges []edgeTo
	for cur := range tr.Root.Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, _ := info.Defs[decl.Name].(*types.Func)
		if fn == nil || decl.Body == nil {
			continue
		}
		sig := fn.Type().(*types.Signature)
		params := map[*types.Var]int{}
		for i := range sig.Params().Len() {
			p := sig.Params().At(i)
			if tr.IsPtr(p.Type()) && p.Name() != "" && p.Name() != "_" {
				params[p] = i
			}
		}
		if len(params) == 0 {
			continue
		}
		body, _ := cur.FindNode(decl.Body)
		for idc := range body.Preorder((*ast.Ident)(nil)) {
			v, _ := info.Uses[idc.Node().(*ast.Ident)].(*types.Var)
			pi, ok := params[v]
			if !ok {
				continue
			}
			u := tr.classify(idc, true)
			for _, f := range u.fields {
				tr.addLocal(fn, pi, f.Name)
			}
			if u.callee != nil {
				edges = append(edges, edgeTo{fn, pi, u.callee, u.arg})
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, e := range edges {
			for _, name := range tr.ParamFields(e.to, e.toArg) {
				if tr.addLocal(e.fn, e.param, name) {
					changed = true
				}
			}
		}
	}
	return tr.local
}

func (tr *Tracker) addLocal(fn *types.Func, i int, name string) bool {
	m := tr.local[fn]
	if m == nil {
		m = make(map[int][]string)
		tr.local[fn] = m
	}
	if slices.Contains(m[i], name) {
		return false
	}
	m[i] = append(m[i], name)
	slices.Sort(m[i])
	return true
}

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
			u.fields = append(u.fields, &Field{Name: name, Node: call, Helper: fn})
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

// Follow fills in c: the literal's keys, its binding, and everything
// that happens to the bound value afterwards. cur is the cursor of
// c.Expr.
func (tr *Tracker) Follow(c *Construction, cur inspector.Cursor) {
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
				c.Escaped, c.EscapeNode = true, kv
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

func (tr *Tracker) apply(c *Construction, u use) bool {
	for _, f := range u.fields {
		c.add(f)
	}
	switch {
	case u.escape != nil:
		if !c.Escaped {
			c.Escaped, c.EscapeNode = true, u.escape
		}
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
func (tr *Tracker) followPath(c *Construction, cur inspector.Cursor, ptr bool) {
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

// Const returns the constant value of e, if it has one.
func Const(info *types.Info, e ast.Expr) constant.Value {
	if e == nil {
		return nil
	}
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// Relevant is the fast path of an analyzer built on Tracker: a package
// can only hold a tracked net/http value if it imports net/http (or is
// net/http), or if a dependency exported a helper fact of the analyzer's
// type, like the one given.
func Relevant(pass *analysis.Pass, helperFact analysis.Fact) bool {
	if typesutil.Imports(pass.Pkg, typesutil.NetHTTP) || pass.Pkg.Path() == typesutil.NetHTTP {
		return true
	}
	want := reflect.TypeOf(helperFact)
	for _, f := range pass.AllObjectFacts() {
		if reflect.TypeOf(f.Fact) == want {
			return true
		}
	}
	return false
}
