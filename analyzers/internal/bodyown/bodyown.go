// Package bodyown knows who owns an *http.Response body: which
// statements close it, which hand it on to someone else, and which
// functions, in this package or another, close (or take ownership of)
// the parameters they are given.
//
// It is the one producer of the "closesParam" facts that unclosedbody
// and undrainedbody both Require (GUIDE §4): the analyzer exports an
// object fact for every function that closes or takes ownership of one
// of its parameters, and its result answers "does this node close or
// hand on v?" for the analyzers that walk control-flow graphs.
package bodyown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// ClosesParam is an object fact on a function: it closes, or takes
// ownership of (returns, stores, sends, hands to another owner), the
// parameters whose indices are listed. Receivers are not counted.
type ClosesParam struct {
	Params []int
}

// AFact implements analysis.Fact.
func (*ClosesParam) AFact() {}

func (f *ClosesParam) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = fmt.Sprint(p)
	}
	return "closesParam(" + strings.Join(parts, ",") + ")"
}

// Analyzer computes ClosesParam facts for the package and returns an
// *Owners for the analyzers that Require it.
var Analyzer = &analysis.Analyzer{
	Name:       "bodyown",
	Doc:        "find functions that close or take ownership of their parameters, and functions that return no open response (facts for unclosedbody and undrainedbody)",
	URL:        "https://pkg.go.dev/github.com/poollint/poollint/analyzers/internal/bodyown",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	FactTypes:  []analysis.Fact{new(ClosesParam), new(NoOpenResponse)},
	ResultType: reflect.TypeFor[*Owners](),
	Run:        run,
}

// Owners answers ownership questions about one package.
type Owners struct {
	info   *types.Info
	closes map[*types.Func]map[int]bool // local and imported facts
	noOpen map[*types.Func]*NoOpenResponse
}

// Effect is what a node does to a tracked response (or body, or closer).
type Effect int

const (
	// None: the node does not close or hand on the value.
	None Effect = iota
	// Closed: the node closes it (directly, by defer, through a method
	// value, or in a closure or callee that closes it).
	Closed
	// Handed: ownership leaves the function: returned, stored,
	// sent, appended, captured, or passed to an unknown or owning callee.
	Handed
)

func run(pass *analysis.Pass) (any, error) {
	o := &Owners{info: pass.TypesInfo, closes: make(map[*types.Func]map[int]bool), noOpen: make(map[*types.Func]*NoOpenResponse)}

	// Imported facts for every function this package refers to.
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		fn = fn.Origin()
		if fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		if _, done := o.closes[fn]; done {
			continue
		}
		if nf := new(NoOpenResponse); pass.ImportObjectFact(fn, nf) {
			o.noOpen[fn] = nf
		}
		var f ClosesParam
		if pass.ImportObjectFact(fn, &f) {
			m := make(map[int]bool, len(f.Params))
			for _, p := range f.Params {
				m[p] = true
			}
			o.closes[fn] = m
		} else {
			o.closes[fn] = nil
		}
	}

	// Local functions: a fixpoint over the package, since helpers call
	// helpers in any order.
	type cand struct {
		fn     *types.Func
		decl   *ast.FuncDecl
		params []*types.Var
	}
	var cands []cand
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Body == nil {
			continue
		}
		fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if fn == nil {
			continue
		}
		sig := fn.Type().(*types.Signature)
		var params []*types.Var
		any := false
		for i := 0; i < sig.Params().Len(); i++ {
			p := sig.Params().At(i)
			if p.Name() != "" && p.Name() != "_" && Closeable(p.Type(), sig.Variadic() && i == sig.Params().Len()-1) {
				params = append(params, p)
				any = true
			} else {
				params = append(params, nil)
			}
		}
		if any {
			cands = append(cands, cand{fn, decl, params})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			for i, p := range c.params {
				if p == nil || o.closes[c.fn][i] {
					continue
				}
				if o.scan(c.decl.Body, p, c.decl.Body, true) != None {
					if o.closes[c.fn] == nil {
						o.closes[c.fn] = make(map[int]bool)
					}
					o.closes[c.fn][i] = true
					changed = true
				}
			}
		}
	}
	for _, c := range cands {
		if m := o.closes[c.fn]; len(m) > 0 {
			f := new(ClosesParam)
			for i := range c.params {
				if m[i] {
					f.Params = append(f.Params, i)
				}
			}
			pass.ExportObjectFact(c.fn, f)
		}
	}
	noOpenFacts(pass, o)
	return o, nil
}

// Closeable reports whether a parameter of type t could carry a
// response or its body to be closed: *http.Response, an interface
// with a Close method (io.Closer, io.ReadCloser, ...), or a slice of
// those for variadic params.
func Closeable(t types.Type, variadic bool) bool {
	if variadic {
		if s, ok := types.Unalias(t).(*types.Slice); ok {
			t = s.Elem()
		}
	}
	if IsResponse(t) {
		return true
	}
	_, isIface := t.Underlying().(*types.Interface)
	return isIface && hasClose(t)
}

// IsResponse reports whether t is *net/http.Response.
func IsResponse(t types.Type) bool {
	return t != nil && typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Response")
}

// ClosesParam reports whether fn (its generic origin) closes or takes
// ownership of its parameter i, from facts or this package's analysis.
func (o *Owners) ClosesParam(fn *types.Func, i int) bool {
	return o.closes[fn.Origin()][i]
}

// Scan reports the effect that n has on v: Closed or Handed if some
// part of n closes or hands on v (or v.Body), None otherwise. Nested
// function literals count only if they close or hand on v. body is the
// enclosing function body: an assignment of v to a local alias counts
// if body closes or hands on the alias.
func (o *Owners) Scan(n ast.Node, v types.Object, body ast.Node) Effect {
	return o.scan(n, v, body, false)
}

// scan is Scan; strict is for parameter facts, where wrapping a value
// in a struct without a Close method (bufio.NewReader, json.NewDecoder,
// io.LimitReader) is not taking ownership of it.
func (o *Owners) scan(n ast.Node, v types.Object, body ast.Node, strict bool) Effect {
	s := scanner{o: o, v: v, body: body, strict: strict, seen: map[types.Object]bool{v: true}}
	s.walk(n)
	return s.eff
}

type scanner struct {
	o      *Owners
	v      types.Object
	body   ast.Node
	strict bool
	seen   map[types.Object]bool // aliases already followed
	eff    Effect
	at     ast.Node
}

// alias follows v into the local variable obj.
func (s *scanner) alias(obj types.Object) Effect {
	if obj == nil || s.body == nil {
		return Handed
	}
	if s.seen[obj] {
		return None
	}
	s.seen[obj] = true
	sub := scanner{o: s.o, v: obj, body: s.body, strict: s.strict, seen: s.seen}
	sub.walk(s.body)
	return sub.eff
}

func hasClose(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(tt)
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == "Close" {
				return true
			}
		}
	}
	return false
}

func (s *scanner) walk(root ast.Node) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if s.eff != None {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if n != root {
				sub := scanner{o: s.o, v: s.v, body: s.body, strict: s.strict, seen: s.seen}
				sub.walk(n.Body)
				if e := sub.eff; e != None {
					s.eff, s.at = e, n
				}
				return false
			}
		case *ast.Ident:
			if s.o.info.Uses[n] == s.v {
				if e := s.classify(n, stack); e != None {
					s.eff, s.at = e, n
				}
			}
			return false
		}
		stack = append(stack, n)
		return true
	})
}

// classify decides what the occurrence id of v does, given its
// ancestors (stack, innermost last).
func (s *scanner) classify(id *ast.Ident, stack []ast.Node) Effect {
	info := s.o.info
	var e ast.Expr = id
	i := len(stack) - 1
	up := func() {
		for i >= 0 {
			p, ok := stack[i].(*ast.ParenExpr)
			if !ok {
				return
			}
			e = p
			i--
		}
	}
	up()
	if i < 0 {
		return None
	}
	if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.X == e {
		switch sel.Sel.Name {
		case "Close":
			// v.Close() or the method value v.Close; not the
			// Response.Close field.
			if sl, ok := info.Selections[sel]; ok && sl.Kind() == types.MethodVal {
				return Closed
			}
			return None
		case "Body":
			if !IsResponse(info.TypeOf(e)) {
				return None
			}
			e = sel
			i--
			up()
			if i < 0 {
				return None
			}
			if sel2, ok := stack[i].(*ast.SelectorExpr); ok && sel2.X == e {
				if sel2.Sel.Name == "Close" {
					return Closed
				}
				return None // v.Body.Read(...)
			}
		default:
			return None // v.StatusCode, v.Header, v.Write(...)
		}
	}
	// e is v or v.Body, used as a value.
	switch p := stack[i].(type) {
	case *ast.CallExpr:
		return s.callArg(p, e)
	case *ast.KeyValueExpr:
		if p.Value != e || i < 1 {
			return None
		}
		if cl, ok := stack[i-1].(*ast.CompositeLit); ok {
			return s.composite(cl, e)
		}
		return None
	case *ast.CompositeLit:
		return s.composite(p, e)
	case *ast.ReturnStmt:
		return Handed
	case *ast.SendStmt:
		if p.Value == e {
			return Handed
		}
	case *ast.RangeStmt:
		if p.X == e {
			return Handed // ranging over a variadic parameter of closers
		}
	case *ast.ValueSpec:
		for j, val := range p.Values {
			if val == e && j < len(p.Names) {
				if p.Names[j].Name == "_" {
					return None
				}
				return s.alias(info.Defs[p.Names[j]])
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return Handed
		}
	case *ast.StarExpr:
		return None
	case *ast.AssignStmt:
		for j, r := range p.Rhs {
			if r != e {
				continue
			}
			if len(p.Lhs) == len(p.Rhs) {
				if lid, ok := ast.Unparen(p.Lhs[j]).(*ast.Ident); ok {
					if lid.Name == "_" {
						return None
					}
					obj := info.Defs[lid]
					if obj == nil {
						obj = info.Uses[lid]
					}
					if lv, ok := obj.(*types.Var); ok && lv.Parent() != nil && lv.Pkg() != nil && lv.Parent() != lv.Pkg().Scope() {
						return s.alias(lv)
					}
				}
			}
			return Handed
		}
	}
	return None
}

// callArg classifies e passed as an argument of call.
func (s *scanner) callArg(call *ast.CallExpr, e ast.Expr) Effect {
	info := s.o.info
	k := -1
	for j, a := range call.Args {
		if a == e {
			k = j
		}
	}
	if k < 0 {
		return None // e is the callee
	}
	fun := ast.Unparen(call.Fun)
	if tv, ok := info.Types[fun]; ok && tv.IsType() {
		return Handed // conversion: follow no further
	}
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && k > 0 {
				return Handed
			}
			return None
		}
	}
	if lit, ok := fun.(*ast.FuncLit); ok {
		if p := paramAt(info.TypeOf(lit), k); p != nil {
			if lit.Body != nil && s.o.scan(lit.Body, p, lit.Body, s.strict) != None {
				return Closed
			}
		}
		return None
	}
	if fn := typeutil.StaticCallee(info, call); fn != nil {
		fn = fn.Origin()
		sig := fn.Type().(*types.Signature)
		idx := k
		if sig.Variadic() && idx >= sig.Params().Len()-1 {
			idx = sig.Params().Len() - 1
		}
		if s.o.ClosesParam(fn, idx) {
			return Closed
		}
		return None
	}
	// A dynamic call (interface method, function value): we cannot
	// see the callee, so assume it takes the value over; but do not
	// claim, in a fact, that a function owns its parameter for that.
	if s.strict {
		return None
	}
	return Handed
}

func paramAt(t types.Type, k int) *types.Var {
	sig, ok := t.(*types.Signature)
	if !ok {
		return nil
	}
	n := sig.Params().Len()
	if sig.Variadic() && k >= n-1 {
		k = n - 1
	}
	if k < 0 || k >= n {
		return nil
	}
	return sig.Params().At(k)
}

// composite classifies e (v or v.Body) stored in the composite literal
// cl. In facts, a whole *http.Response stored in a struct is a wrapper
// that takes it over (go-github's newResponse); a body stored in a
// struct without a Close method is only being read (json.NewDecoder).
func (s *scanner) composite(cl *ast.CompositeLit, e ast.Expr) Effect {
	if !s.strict || IsResponse(s.o.info.TypeOf(e)) {
		return Handed
	}
	if hasClose(s.o.info.TypeOf(cl)) {
		return Handed
	}
	return None
}
