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
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// ClosesParam is an object fact on a function: it closes, or takes
// ownership of (returns, stores, sends, hands to another owner), the
// parameters whose indices are listed. Receivers are not counted.
type ClosesParam struct {
	Params []int
	// Shut lists the parameters (a subset of Params) that the function
	// closes itself, directly or through a callee that does: not those
	// it only takes over (stores in a struct, returns). A caller that
	// asks whether a response is closed on its way back, not whether it
	// has a new owner, counts only these.
	Shut []int
	// Via lists the parameters the function gives to a function value
	// its caller supplies: a decode helper called as
	// fromResponse(resp, err, c.decodeJSON). Whether such a parameter is
	// closed depends on the function passed, so the fact names the
	// function parameter and the argument position, and each call site
	// looks at its own argument there.
	Via []Via
}

// A Via says that a function passes its parameter Param as argument
// Arg of a call to its function-typed parameter Func.
type Via struct {
	Param, Func, Arg int
}

// AFact implements analysis.Fact.
func (*ClosesParam) AFact() {}

func (f *ClosesParam) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = fmt.Sprint(p)
	}
	out := "closesParam(" + strings.Join(parts, ",") + ")"
	var owns []string // taken over, not closed
	for _, p := range f.Params {
		if !slices.Contains(f.Shut, p) {
			owns = append(owns, fmt.Sprint(p))
		}
	}
	if len(owns) > 0 {
		out += " handsOn(" + strings.Join(owns, ",") + ")"
	}
	if len(f.Params) == 0 {
		out = ""
	}
	for _, v := range f.Via {
		if out != "" {
			out += " "
		}
		out += fmt.Sprintf("via(%d->%d.%d)", v.Param, v.Func, v.Arg)
	}
	return out
}

// Analyzer computes ClosesParam facts for the package and returns an
// *Owners for the analyzers that Require it.
var Analyzer = &analysis.Analyzer{
	Name:       "bodyown",
	Doc:        "find functions that close or take ownership of their parameters, and functions that return no open response (facts for unclosedbody and undrainedbody)",
	URL:        "https://pkg.go.dev/github.com/poollint/poollint/analyzers/internal/bodyown",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	FactTypes:  []analysis.Fact{new(ClosesParam), new(NoOpenResponse), new(OpenOnSuccess), new(OpenUnless), new(HeadResponse), new(NeverReturns)},
	ResultType: reflect.TypeFor[*Owners](),
	Run:        run,
}

// Owners answers ownership questions about one package.
type Owners struct {
	info   *types.Info
	closes map[*types.Func]map[int]bool // local and imported facts
	shut   map[*types.Func]map[int]bool // ClosesParam.Shut: the params it closes itself
	via    map[*types.Func][]Via        // ClosesParam.Via: params given to a caller's function value
	noOpen map[*types.Func]*NoOpenResponse
	split  map[*types.Func]bool   // OpenOnSuccess facts
	unless map[*types.Func][]Cond // OpenUnless facts
	files  []*ast.File            // for the declarations of locals (OpenUnless arguments)
	head   map[*types.Func]bool   // HeadResponse facts
	// noReturn holds the functions that never return (imported facts
	// and this package's), for building graphs.
	noReturn map[*types.Func]bool
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
	o := &Owners{info: pass.TypesInfo, closes: make(map[*types.Func]map[int]bool), shut: make(map[*types.Func]map[int]bool), via: make(map[*types.Func][]Via),
		noOpen: make(map[*types.Func]*NoOpenResponse), split: make(map[*types.Func]bool), unless: make(map[*types.Func][]Cond), files: pass.Files, head: make(map[*types.Func]bool), noReturn: make(map[*types.Func]bool)}
	if passutil.InGOROOT(pass) {
		// No facts for the standard library: go vet does not ask
		// poollint for them (cmd/poollint), so every driver knows the
		// standard library from the tables in tables.go alone.
		return o, nil
	}
	// No CanReach fast path here: a package that cannot reach net/http
	// still exports the facts its importers need (a helper that closes
	// an io.Closer parameter, a function that never returns). What costs,
	// the CFGs and the no-open-response facts, is built only where a
	// response is mentioned.

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
		if pass.ImportObjectFact(fn, new(NeverReturns)) {
			o.noReturn[fn] = true
		}
		if nf := new(NoOpenResponse); pass.ImportObjectFact(fn, nf) {
			o.noOpen[fn] = nf
		}
		if pass.ImportObjectFact(fn, new(OpenOnSuccess)) {
			o.split[fn] = true
		}
		if uf := new(OpenUnless); pass.ImportObjectFact(fn, uf) {
			o.unless[fn] = uf.Conds
		}
		if pass.ImportObjectFact(fn, new(HeadResponse)) {
			o.head[fn] = true
		}
		var f ClosesParam
		if pass.ImportObjectFact(fn, &f) {
			m := make(map[int]bool, len(f.Params))
			for _, p := range f.Params {
				m[p] = true
			}
			o.closes[fn] = m
			if len(f.Shut) > 0 {
				o.shut[fn] = make(map[int]bool, len(f.Shut))
				for _, p := range f.Shut {
					o.shut[fn][p] = true
				}
			}
			if len(f.Via) > 0 {
				o.via[fn] = f.Via
			}
		} else {
			o.closes[fn] = nil
		}
	}

	// Local functions: a fixpoint over the package, since helpers call
	// helpers in any order.
	type cand struct {
		fn      *types.Func
		decl    *ast.FuncDecl
		params  []*types.Var
		fparams map[types.Object]int // function-typed params, by index
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
			cands = append(cands, cand{fn, decl, params, funcParams(sig)})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			for i, p := range c.params {
				if p == nil || o.closes[c.fn][i] {
					continue
				}
				var via []Via
				s := scanner{o: o, v: p, body: c.decl.Body, strict: true, seen: map[types.Object]bool{p: true}, param: i, fparams: c.fparams, via: &via}
				s.walk(c.decl.Body)
				if merged := mergeVia(o.via[c.fn], via); s.eff == None && !slices.Equal(merged, o.via[c.fn]) {
					o.via[c.fn] = merged
					changed = true
				}
				if s.eff != None {
					if o.closes[c.fn] == nil {
						o.closes[c.fn] = make(map[int]bool)
					}
					o.closes[c.fn][i] = true
					changed = true
				}
			}
		}
	}
	// The same fixpoint for the parameters a function closes itself
	// (Shut), a subset of those it closes or takes over.
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			for i, p := range c.params {
				if p == nil || !o.closes[c.fn][i] || o.shut[c.fn][i] {
					continue
				}
				s := scanner{o: o, v: p, body: c.decl.Body, strict: true, closeOnly: true, seen: map[types.Object]bool{p: true}}
				if s.walk(c.decl.Body); s.eff == Closed {
					if o.shut[c.fn] == nil {
						o.shut[c.fn] = make(map[int]bool)
					}
					o.shut[c.fn][i] = true
					changed = true
				}
			}
		}
	}
	for _, c := range cands {
		if m := o.closes[c.fn]; len(m) > 0 || len(o.via[c.fn]) > 0 {
			f := &ClosesParam{Via: o.via[c.fn]}
			for i := range c.params {
				if m[i] {
					f.Params = append(f.Params, i)
				}
				if o.shut[c.fn][i] {
					f.Shut = append(f.Shut, i)
				}
			}
			pass.ExportObjectFact(c.fn, f)
		}
	}
	noReturnFacts(pass, o)
	if MentionsResponse(pass.Pkg, pass.TypesInfo) {
		noOpenFacts(pass, o)
		headFacts(pass, o)
	}
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

// ClosesHere reports whether node n itself closes v (or v.Body), or
// defers the close, directly or through a callee that closes its
// argument: not a hand-off, and not an alias of v that some other node
// closes. aliases are v's local aliases (Aliases), whose closes at n
// count.
func (o *Owners) ClosesHere(n ast.Node, v types.Object, aliases []types.Object) bool {
	for _, x := range append([]types.Object{v}, aliases...) {
		s := scanner{o: o, v: x, closeOnly: true, noAlias: true, seen: map[types.Object]bool{x: true}}
		if s.walk(n); s.eff == Closed {
			return true
		}
	}
	return false
}

// Aliases returns the local variables of body whose every assigned
// value is v or v.Body (orig := resp.Body).
func (o *Owners) Aliases(body ast.Node, v *types.Var) []types.Object {
	var out []types.Object
	seen := map[types.Object]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, r := range as.Rhs {
			r = ast.Unparen(r)
			if sel, ok := r.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
				r = ast.Unparen(sel.X)
			}
			if id, ok := r.(*ast.Ident); !ok || o.info.Uses[id] != v {
				continue
			}
			lid, ok := as.Lhs[i].(*ast.Ident)
			if !ok {
				continue
			}
			obj := o.info.ObjectOf(lid)
			lv, ok := obj.(*types.Var)
			if !ok || seen[lv] || lv.Pos() < body.Pos() || lv.Pos() >= body.End() {
				continue
			}
			seen[lv] = true
			vals, ok := assignedValues(o.info, body, lv)
			if ok && len(vals) == 1 {
				out = append(out, lv)
			}
		}
		return true
	})
	return out
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
	// closeOnly counts closes only: a hand-off is no effect, and a
	// callee counts only if it closes the argument itself (Shut).
	closeOnly bool
	// noAlias does not follow v into local aliases (ClosesHere).
	noAlias bool
	seen    map[types.Object]bool // aliases already followed
	eff     Effect
	at      ast.Node

	// For parameter facts (strict): the index of the parameter being
	// scanned, the function's function-typed parameters, and where to
	// record a call of one of them given the parameter (ClosesParam.Via).
	param   int
	fparams map[types.Object]int
	via     *[]Via
}

// sub is a scanner for v with s's modes.
func (s *scanner) sub(v types.Object) scanner {
	return scanner{o: s.o, v: v, body: s.body, strict: s.strict, closeOnly: s.closeOnly, noAlias: s.noAlias, seen: s.seen,
		param: s.param, fparams: s.fparams, via: s.via}
}

// alias follows v into the local variable obj.
func (s *scanner) alias(obj types.Object) Effect {
	if obj == nil || s.body == nil {
		return Handed
	}
	if s.seen[obj] || s.noAlias {
		return None
	}
	s.seen[obj] = true
	sub := s.sub(obj)
	sub.walk(s.body)
	return sub.eff
}

// funcParams returns sig's function-typed parameters, by index.
func funcParams(sig *types.Signature) map[types.Object]int {
	out := map[types.Object]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		if _, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok {
			out[sig.Params().At(i)] = i
		}
	}
	return out
}

func hasClose(t types.Type) bool {
	return t != nil && hasMethods(t, "Close")
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
				sub := s.sub(s.v)
				sub.walk(n.Body)
				if e := sub.eff; e != None {
					s.eff, s.at = e, n
				}
				return false
			}
		case *ast.Ident:
			if s.o.info.Uses[n] == s.v {
				if e := s.classify(n, stack); e == Closed || e == Handed && !s.closeOnly {
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
	for {
		switch p := stack[i].(type) {
		case *ast.TypeAssertExpr:
			// The same value as another type: after 101 Switching
			// Protocols, resp.Body.(io.ReadWriteCloser) is the
			// connection, and what happens to it happens to the body.
			if p.X != e {
				return None
			}
		case *ast.CallExpr:
			eff, wrapped := s.callArg(p, e)
			if !wrapped {
				return eff
			}
			// The call's result now owns the body: follow it instead.
		default:
			return s.valueUse(stack[i], e, stack[:i])
		}
		e = stack[i].(ast.Expr)
		i--
		up()
		if i < 0 {
			return None
		}
	}
}

// valueUse classifies e (v, v.Body, or a value that owns the body)
// used as a value in its parent p; stack holds p's ancestors.
func (s *scanner) valueUse(p ast.Node, e ast.Expr, stack []ast.Node) Effect {
	info := s.o.info
	switch p := p.(type) {
	case *ast.KeyValueExpr:
		if p.Value != e || len(stack) < 1 {
			return None
		}
		if cl, ok := stack[len(stack)-1].(*ast.CompositeLit); ok {
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
		if commaOK(e) && len(p.Names) == 2 && len(p.Values) == 1 {
			return s.aliasIdent(p.Names[0]) // rwc, ok := resp.Body.(io.ReadWriteCloser)
		}
		for j, val := range p.Values {
			if val == e && j < len(p.Names) {
				return s.aliasIdent(p.Names[j])
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
			if commaOK(e) && len(p.Lhs) == 2 && len(p.Rhs) == 1 {
				j = 0 // rwc, ok = resp.Body.(io.ReadWriteCloser)
			} else if len(p.Lhs) != len(p.Rhs) {
				return Handed
			}
			if lid, ok := ast.Unparen(p.Lhs[j]).(*ast.Ident); ok {
				if lid.Name == "_" {
					return None
				}
				obj := info.ObjectOf(lid)
				if lv, ok := obj.(*types.Var); ok && lv.Parent() != nil && lv.Pkg() != nil && lv.Parent() != lv.Pkg().Scope() {
					return s.alias(lv)
				}
			}
			return Handed
		}
	}
	return None
}

// commaOK reports whether e is a type assertion, which in a two-value
// assignment yields the value and a bool.
func commaOK(e ast.Expr) bool {
	_, ok := e.(*ast.TypeAssertExpr)
	return ok
}

// aliasIdent follows v into the variable declared by id ("_" drops it).
func (s *scanner) aliasIdent(id *ast.Ident) Effect {
	if id.Name == "_" {
		return None
	}
	return s.alias(s.o.info.Defs[id])
}

// callArg classifies e passed as an argument of call. wrapped reports
// that the callee wraps e in the closer it returns (http.MaxBytesReader,
// or a callee that owns the parameter and returns one closer): the
// result owns the body from then on, and the caller follows it.
func (s *scanner) callArg(call *ast.CallExpr, e ast.Expr) (eff Effect, wrapped bool) {
	info := s.o.info
	k := -1
	for j, a := range call.Args {
		if a == e {
			k = j
		}
	}
	if k < 0 {
		return None, false // e is the callee
	}
	fun := ast.Unparen(call.Fun)
	if tv, ok := info.Types[fun]; ok && tv.IsType() {
		return Handed, false // conversion: follow no further
	}
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && k > 0 {
				return Handed, false
			}
			return None, false
		}
	}
	if lit, ok := fun.(*ast.FuncLit); ok {
		if s.litParam(lit, k) != None {
			return Closed, false
		}
		return None, false
	}
	if fn := typeutil.StaticCallee(info, call); fn != nil {
		fn = fn.Origin()
		sig := fn.Type().(*types.Signature)
		idx := k
		if sig.Variadic() && idx >= sig.Params().Len()-1 {
			idx = sig.Params().Len() - 1
		}
		if wraps(fn, idx) {
			return None, true
		}
		if closesArg(info, fn, call, idx) {
			return Closed, false
		}
		if s.closeOnly && !s.o.shut[fn][idx] {
			return None, false
		}
		if s.o.ClosesParam(fn, idx) {
			if sig.Results().Len() == 1 && hasClose(sig.Results().At(0).Type()) {
				return None, true
			}
			return Closed, false
		}
		if s.viaCloses(fn, idx, call) {
			return Closed, false
		}
		return None, false
	}
	// A dynamic call (interface method, function value): we cannot
	// see the callee, so assume it takes the value over; but do not
	// claim, in a fact, that a function owns its parameter for that.
	// A call of one of the function's own function-typed parameters is
	// recorded (ClosesParam.Via): its callers know what they pass.
	if s.strict {
		if id, ok := fun.(*ast.Ident); ok && s.via != nil {
			if j, ok := s.fparams[info.Uses[id]]; ok {
				*s.via = mergeVia(*s.via, []Via{{Param: s.param, Func: j, Arg: k}})
			}
		}
		return None, false
	}
	return Handed, false
}

// viaCloses reports whether the call of fn closes its argument idx
// through the function value it passes fn (ClosesParam.Via): a
// function, method value or literal that closes (in closeOnly mode,
// itself) the argument it is given there. An argument that is one of
// the scanned function's own function-typed parameters is recorded as
// a Via of its own (strict mode).
func (s *scanner) viaCloses(fn *types.Func, idx int, call *ast.CallExpr) bool {
	info := s.o.info
	for _, v := range s.o.via[fn] {
		if v.Param != idx || v.Func >= len(call.Args) {
			continue
		}
		arg := ast.Unparen(call.Args[v.Func])
		var f *types.Func
		switch a := arg.(type) {
		case *ast.FuncLit:
			if e := s.litParam(a, v.Arg); e == Closed || e == Handed && !s.closeOnly && !s.strict {
				return true
			}
			continue
		case *ast.Ident:
			if j, ok := s.fparams[info.Uses[a]]; ok && s.strict && s.via != nil {
				*s.via = mergeVia(*s.via, []Via{{Param: s.param, Func: j, Arg: v.Arg}})
				continue
			}
			f, _ = info.Uses[a].(*types.Func)
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[a]; ok {
				if sel.Kind() == types.MethodVal {
					f, _ = sel.Obj().(*types.Func)
				}
			} else {
				f, _ = info.Uses[a.Sel].(*types.Func) // pkg.Func
			}
		}
		if f == nil {
			continue
		}
		f = f.Origin()
		if s.closeOnly {
			if s.o.shut[f][v.Arg] {
				return true
			}
			continue
		}
		if s.o.ClosesParam(f, v.Arg) {
			return true
		}
	}
	return false
}

// mergeVia returns a with the entries of b it lacks, sorted.
func mergeVia(a, b []Via) []Via {
	out := slices.Clone(a)
	for _, v := range b {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(x, y Via) int {
		if x.Param != y.Param {
			return x.Param - y.Param
		}
		if x.Func != y.Func {
			return x.Func - y.Func
		}
		return x.Arg - y.Arg
	})
	return out
}

// litParam scans the function literal lit for what it does with its
// parameter k, in s's modes with aliases of its own: None when lit has
// no such parameter or no body.
func (s *scanner) litParam(lit *ast.FuncLit, k int) Effect {
	p := paramAt(s.o.info.TypeOf(lit), k)
	if p == nil || lit.Body == nil {
		return None
	}
	sub := scanner{o: s.o, v: p, body: lit.Body, strict: s.strict, closeOnly: s.closeOnly, seen: map[types.Object]bool{p: true}}
	sub.walk(lit.Body)
	return sub.eff
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
