package fieldflow

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

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
			if (tr.IsPtr(p.Type()) || tr.holdsPtr(p.Type())) && p.Name() != "" && p.Name() != "_" {
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
			// An interface parameter (an http.RoundTripper) sets fields
			// of the tracked value through a type assertion on it, or
			// on the struct field it is stored in.
			for _, name := range tr.viaInterface(idc) {
				tr.addLocal(fn, pi, name)
			}
			if !tr.IsPtr(v.Type()) {
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

// holdsPtr reports whether t is an interface that a pointer to the
// tracked type implements (http.RoundTripper for *http.Transport).
func (tr *Tracker) holdsPtr(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.Empty() {
		return false
	}
	obj := tr.typeName()
	return obj != nil && types.Implements(types.NewPointer(obj.Type()), iface)
}

// typeName returns the tracked type's name object, when the package
// imports (or is) its package.
func (tr *Tracker) typeName() *types.TypeName {
	pkgs := append([]*types.Package{tr.Pass.Pkg}, tr.Pass.Pkg.Imports()...)
	for _, p := range pkgs {
		if p.Path() == tr.PkgPath {
			obj, _ := p.Scope().Lookup(tr.Name).(*types.TypeName)
			return obj
		}
	}
	return nil
}

// viaInterface returns the fields of the tracked type set through the
// interface value at cur (a parameter): "if t, ok := rt.(*http.Transport);
// ok { t.Proxy = ... }", or "p.rt = rt" where some function of the
// package sets fields on p.rt.(*http.Transport) (corpus: martian's
// Proxy.SetRoundTripper and SetDial configure the transport they are
// given or hold).
func (tr *Tracker) viaInterface(cur inspector.Cursor) []string {
	info := tr.Pass.TypesInfo
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch cur.ParentEdgeKind() {
	case edge.TypeAssertExpr_X:
		return tr.assertedFields(cur.Parent())
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return nil
		}
		_, i := cur.ParentEdge()
		if sel, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				return tr.FieldAsserted(s.Obj().(*types.Var))
			}
		}
	}
	return nil
}

// FieldAsserted returns the fields of the tracked type that functions
// of the package set on the value held in the struct field f, through
// a type assertion f.(*T): a transport stored there is configured
// there too. Only a field declared in this package counts: it holds
// the package's own object's transport (martian's Proxy.roundTripper).
// A field of another package's type, such as http.Client.Transport, is
// shared by every client of the package, and an assertion on one
// client's says nothing of another's (corpus: moby's
// WithTLSClientConfigFromEnv builds a client whose bare transport no
// other option configures).
func (tr *Tracker) FieldAsserted(f *types.Var) []string {
	if f.Pkg() != tr.Pass.Pkg {
		return nil
	}
	if tr.asserted == nil {
		tr.asserted = make(map[*types.Var][]string)
		for ta := range tr.Root.Preorder((*ast.TypeAssertExpr)(nil)) {
			x := ast.Unparen(ta.Node().(*ast.TypeAssertExpr).X)
			sel, ok := x.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			s, ok := tr.Pass.TypesInfo.Selections[sel]
			if !ok || s.Kind() != types.FieldVal {
				continue
			}
			fv := s.Obj().(*types.Var)
			for _, name := range tr.assertedFields(ta) {
				if !slices.Contains(tr.asserted[fv], name) {
					tr.asserted[fv] = append(tr.asserted[fv], name)
				}
			}
		}
	}
	return tr.asserted[f]
}

// assertedFields returns the fields of the tracked type set on the
// variable that the type assertion at ta (x.(*T)) is bound to, in the
// function around it.
func (tr *Tracker) assertedFields(ta inspector.Cursor) []string {
	info := tr.Pass.TypesInfo
	n := ta.Node().(*ast.TypeAssertExpr)
	if n.Type == nil || !tr.IsPtr(info.TypeOf(n.Type)) || ta.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return nil
	}
	as := ta.Parent().Node().(*ast.AssignStmt)
	if len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return nil
	}
	fc, ok := EnclosingFunc(ta)
	if !ok {
		return nil
	}
	var out []string
	for use := range fc.Preorder((*ast.Ident)(nil)) {
		if info.Uses[use.Node().(*ast.Ident)] != v {
			continue
		}
		for _, f := range tr.classify(use, true).fields {
			if !slices.Contains(out, f.Name) {
				out = append(out, f.Name)
			}
		}
	}
	return out
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

// HelperSummary is what a helper fact carries across packages: the
// fields a function sets through each of its pointer parameters. Fact
// types are unique per analyzer, the summary they carry is shared. An
// analyzer declares its fact by embedding it:
//
//	type configuresTransport struct{ fieldflow.HelperSummary }
//
//	func (*configuresTransport) AFact()           {}
//	func (f *configuresTransport) String() string { return f.Format("configuresTransport") }
type HelperSummary struct {
	Params []ParamFields
}

// ParamFields lists the fields a function sets through one parameter.
type ParamFields struct {
	Index  int
	Name   string
	Fields []string
}

// A HelperFact is an analyzer's own helper fact, embedding [HelperSummary].
type HelperFact interface {
	analysis.Fact
	Summary() *HelperSummary
}

// Summary returns s, so that a fact embedding it is a [HelperFact].
func (s *HelperSummary) Summary() *HelperSummary { return s }

// FieldsAt returns the fields set through parameter i.
func (s *HelperSummary) FieldsAt(i int) []string {
	for _, p := range s.Params {
		if p.Index == i {
			return p.Fields
		}
	}
	return nil
}

// Format renders the fact for tests: "name(t: F, G; u: H)".
func (s *HelperSummary) Format(name string) string {
	var b strings.Builder
	b.WriteString(name + "(")
	for i, p := range s.Params {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %s", p.Name, strings.Join(p.Fields, ", "))
	}
	b.WriteString(")")
	return b.String()
}

// FormatParams renders the fact for tests as "name(t, u)": the
// parameters only, for facts that carry a single field.
func (s *HelperSummary) FormatParams(name string) string {
	var names []string
	for _, p := range s.Params {
		names = append(names, p.Name)
	}
	return name + "(" + strings.Join(names, ", ") + ")"
}

// ImportHelpers returns a [Tracker.Imported] function that reads the
// analyzer's helper facts, of the type newFact returns.
func ImportHelpers(pass *analysis.Pass, newFact func() HelperFact) func(fn *types.Func, i int) []string {
	return func(fn *types.Func, i int) []string {
		f := newFact()
		if !pass.ImportObjectFact(fn, f) {
			return nil
		}
		return f.Summary().FieldsAt(i)
	}
}

// ExportHelpers exports, for every function of this package in sums
// that sets a field keep accepts (nil: every field), a fact of the type
// newFact returns.
func ExportHelpers(pass *analysis.Pass, sums map[*types.Func]map[int][]string, keep func(field string) bool, newFact func() HelperFact) {
	for fn, params := range sums {
		if fn.Pkg() != pass.Pkg {
			continue
		}
		sig := fn.Type().(*types.Signature)
		f := newFact()
		s := f.Summary()
		for i := range sig.Params().Len() {
			var fields []string
			for _, name := range params[i] {
				if keep == nil || keep(name) {
					fields = append(fields, name)
				}
			}
			if len(fields) > 0 {
				s.Params = append(s.Params, ParamFields{Index: i, Name: sig.Params().At(i).Name(), Fields: fields})
			}
		}
		if len(s.Params) > 0 {
			pass.ExportObjectFact(fn, f)
		}
	}
}
