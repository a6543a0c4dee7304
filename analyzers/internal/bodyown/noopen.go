package bodyown

// This file computes the NoOpenResponse facts: functions whose
// returned response is never an open one the caller must close.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// NoOpenResponse is an object fact on a function, method or interface
// method that returns *http.Response: the response it returns is not
// an open response its caller must close. On every return path it is
// nil, closed before the function returns, built in memory (a
// composite literal with no body or an in-memory one, http.ReadResponse
// over in-memory bytes), the result of another such call, or one of
// the function's own parameters (Params: a pass-through, which hands
// the caller back the response it already owns).
//
// On an interface method it means that every implementation in the
// interface's package has the fact (only for unexported interfaces,
// whose implementations the package knows).
type NoOpenResponse struct {
	Params []int
}

// AFact implements analysis.Fact.
func (*NoOpenResponse) AFact() {}

func (f *NoOpenResponse) String() string {
	if len(f.Params) == 0 {
		return "noOpenResponse"
	}
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = fmt.Sprint(p)
	}
	return "noOpenResponse(passes " + strings.Join(parts, ",") + ")"
}

// OpenOnSuccess is an object fact on a function that returns
// *http.Response: the response it returns is open only when its status
// is a success. On every other path it closes the body first (and
// usually puts an in-memory copy in its place, for the caller's error
// message): minio-go's executeMethod reads, closes and replaces every
// non-2xx body. The caller must still close the body on its success
// path; on a path where its own tests of StatusCode rule success out,
// there is nothing left to close or drain.
//
// The function earns it when every return that is not provably closed
// (NoOpenResponse's walk) is reached only through a branch whose
// condition, on the side taken, asserts a success status: a comparison
// that allows only 2xx, or a bool test of the status (a set lookup,
// success := ok.Contains(resp.StatusCode)) taken on its true side; and
// the other side of that branch closes the response on every path.
type OpenOnSuccess struct{}

// AFact implements analysis.Fact.
func (*OpenOnSuccess) AFact() {}

func (*OpenOnSuccess) String() string { return "openOnSuccess" }

// OpenOnSuccess reports whether fn (its generic origin) has an
// OpenOnSuccess fact.
func (o *Owners) OpenOnSuccess(fn *types.Func) bool {
	return fn != nil && o.split[fn.Origin()]
}

// NoOpen reports whether fn (its generic origin) has a NoOpenResponse
// fact, from another package or this package's analysis.
func (o *Owners) NoOpen(fn *types.Func) bool {
	return fn != nil && o.noOpen[fn.Origin()] != nil
}

// resultFunc is the state of one NoOpenResponse computation.
type resultFunc struct {
	o      *Owners
	body   *ast.BlockStmt
	g      *cfg.CFG
	sig    *types.Signature
	preds  map[*cfg.Block][]*cfg.Block
	params map[*types.Var]int
	passes map[int]bool
	f      *Func        // the same function, for branches and body reads
	errs   []*types.Var // error variables a branch may show non-nil (at most 64)

	// guarded: open definitions reached only through a success branch
	// are accepted (OpenOnSuccess), and used records that one was.
	guarded, used bool
	aliases       map[*types.Var][]types.Object

	// self is the function itself: a recursive call returns what the
	// function returns, so it is assumed not open while the function's
	// own returns are judged (induction on the depth of the recursion:
	// the innermost call returns through a path with no recursive call).
	// selfCalls records that one was assumed.
	self      *types.Func
	selfCalls bool

	// as is the condition assumed (OpenUnless derivation), and cur the
	// bool fields the path shows true at the definition being judged.
	as  *assumption
	cur uint64
}

// noOpenResult decides whether the function declared by decl, whose
// CFG is g, returns no open response: every *http.Response it returns
// is nil, closed on the way, synthetic, a NoOpenResponse call, or one
// of its parameters (whose indices it returns).
func (o *Owners) noOpenResult(decl *ast.FuncDecl, sig *types.Signature, g *cfg.CFG) (params []int, ok bool) {
	params, ok, _ = o.openResult(decl, sig, g, false, nil)
	return params, ok
}

// openResult is noOpenResult; with guarded, an open response returned
// only through a success branch is accepted too, and split reports
// that one was (the function is OpenOnSuccess rather than
// NoOpenResponse).
//
// as, if not nil, is a condition on the arguments assumed to hold
// (OpenUnless).
func (o *Owners) openResult(decl *ast.FuncDecl, sig *types.Signature, g *cfg.CFG, guarded bool, as *assumption) (params []int, ok, split bool) {
	var idx []int
	for i := 0; i < sig.Results().Len(); i++ {
		if IsResponse(sig.Results().At(i).Type()) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 || g == nil {
		return nil, false, false
	}
	r := &resultFunc{o: o, body: decl.Body, g: g, sig: sig, guarded: guarded, as: as, aliases: map[*types.Var][]types.Object{},
		preds: map[*cfg.Block][]*cfg.Block{}, params: map[*types.Var]int{}, passes: map[int]bool{}}
	r.f = &Func{Info: o.info, Body: decl.Body, Sig: sig, g: g}
	r.self, _ = o.info.Defs[decl.Name].(*types.Func)
	r.errs = errorVars(o.info, decl.Body)
	for i := 0; i < sig.Params().Len(); i++ {
		r.params[sig.Params().At(i)] = i
	}
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			r.preds[s] = append(r.preds[s], b)
		}
	}
	returns := 0
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			ret, isRet := n.(*ast.ReturnStmt)
			if !isRet {
				continue
			}
			returns++
			if r.as != nil && r.errReturned(ret, b, i) {
				continue // the caller sees the error, not the response
			}
			for _, k := range idx {
				if !r.result(ret, k, b, i) {
					return nil, false, false
				}
			}
		}
	}
	if returns == 0 {
		return nil, false, false
	}
	if r.selfCalls && len(r.passes) > 0 {
		// A pass-through that recurses may hand back the response it
		// passed to itself: not followed.
		return nil, false, false
	}
	for p := range r.passes {
		params = append(params, p)
	}
	slices.Sort(params)
	return params, true, r.used
}

// result reports whether result k of ret is not an open response.
func (r *resultFunc) result(ret *ast.ReturnStmt, k int, b *cfg.Block, i int) bool {
	switch {
	case len(ret.Results) == 0:
		v := r.sig.Results().At(k)
		if v.Name() == "" {
			return false
		}
		return r.varOK(v, b, i, 0)
	case len(ret.Results) == 1 && r.sig.Results().Len() > 1:
		call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		return ok && r.callOK(call, b, i, 0)
	case k < len(ret.Results):
		if id, ok := ast.Unparen(ret.Results[k]).(*ast.Ident); ok {
			if v, ok := r.o.info.Uses[id].(*types.Var); ok && r.closesHere(ret, v) {
				return true // return resp, drainAndClose(resp.Body)
			}
		}
		return r.exprOK(ret.Results[k], b, i, 0)
	}
	return false
}

// exprOK reports whether the response value e, evaluated at node i of
// b, is not open.
func (r *resultFunc) exprOK(e ast.Expr, b *cfg.Block, i, depth int) bool {
	if depth > maxDepth {
		return false
	}
	info := r.o.info
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		switch obj := info.Uses[x].(type) {
		case *types.Nil:
			return true
		case *types.Var:
			if obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
				return false
			}
			return r.varOK(obj, b, i, depth+1)
		}
	case *ast.UnaryExpr, *ast.CompositeLit:
		return r.o.synthetic(x, r.body)
	case *ast.CallExpr:
		return r.callOK(x, b, i, depth+1)
	}
	return false
}

// callOK reports whether call, at node i of b, returns no open
// response. A pass-through callee's result is as open as its argument.
func (r *resultFunc) callOK(call *ast.CallExpr, b *cfg.Block, i, depth int) bool {
	fn := typesutil.Callee(r.o.info, call)
	if fn != nil && r.self != nil && fn.Origin() == r.self {
		r.selfCalls = true // what the function returns (see self)
		if r.guarded {
			r.used = true // open on success only, like the function
		}
		return true
	}
	if r.guarded && r.o.OpenOnSuccess(fn) {
		r.used = true // open on success only, like the callee
		return true
	}
	if r.as != nil && r.o.settled(call, func(arg ast.Expr, field string, closes int) bool {
		return r.as.holds(r.o.info, arg, field, closes, r.cur)
	}) {
		return true // closed by the callee under the assumption
	}
	if r.o.Opens(call, r.body) {
		return false
	}
	if fn == nil {
		return true
	}
	f := r.o.noOpen[fn.Origin()]
	if f == nil {
		return true
	}
	for _, p := range f.Params {
		if p >= len(call.Args) {
			continue // variadic tail: not a response
		}
		if !r.exprOK(call.Args[p], b, i, depth+1) {
			return false
		}
	}
	return true
}

// varOK reports whether v holds no open response at node i of block b:
// on every path back from there, v is closed, or was last assigned a
// value that is not open, or is a parameter (a pass-through), or still
// holds its zero value. A path on which a branch showed an error
// non-nil is open-free back to where that error was assigned by v's own
// definition (a non-nil error comes with no open response) or by a
// failed read of v's whole body (net/http closed the connection).
func (r *resultFunc) varOK(v *types.Var, b *cfg.Block, i, depth int) bool {
	if depth > maxDepth {
		return false
	}
	// guard: the path back from the return crossed a success branch
	// (r.guarded only); pending: the local bool that branch tested,
	// whose assignment must lie on the path too (it tested this
	// response, not an earlier one).
	type key struct {
		b       *cfg.Block
		mutated bool
		nonNil  uint64 // bits of r.errs shown non-nil on the path
		guard   bool
		pending *types.Var
		facts   uint64 // bits of r.as.facts a branch on the path showed
	}
	seen := map[key]bool{{b, false, 0, false, nil, 0}: true}
	var walk func(b *cfg.Block, end int, mutated bool, nonNil uint64, guard bool, pending *types.Var, facts uint64) bool
	walk = func(b *cfg.Block, end int, mutated bool, nonNil uint64, guard bool, pending *types.Var, facts uint64) bool {
		for j := end - 1; j >= 0; j-- {
			n := b.Nodes[j]
			for k, e := range r.errs {
				if nonNil&(1<<k) == 0 || !Assigns(r.o.info, n, e) {
					continue
				}
				if r.definesWithErr(n, v, e) || r.f.bodyReadErr(n, v) == e {
					return true
				}
				nonNil &^= 1 << k
			}
			if pending != nil && Assigns(r.o.info, n, pending) {
				pending = nil
			}
			if Assigns(r.o.info, n, v) {
				saved := r.cur
				r.cur = facts
				ok := r.defOK(n, v, b, j, depth, mutated)
				r.cur = saved
				if ok {
					return true
				}
				if guard && pending == nil {
					r.used = true // open only on the success branch
					return true
				}
				return false
			}
			if r.closesHere(n, v) || r.as != nil && r.as.callsParam(r.o.info, n, v) {
				return true
			}
			if r.as != nil {
				facts = r.as.kill(r.o.info, n, facts)
			}
			if !mutated && r.mutates(n, v) {
				mutated = true
			}
		}
		if b == r.g.Blocks[0] {
			if p, ok := r.params[v]; ok {
				r.passes[p] = true
				return true // the caller's own response
			}
			return true // a zero (nil) result
		}
		for _, p := range r.preds[b] {
			nn := nonNil
			ng, np := guard, pending
			nf := facts
			if cond := r.f.Branch(p); cond != nil {
				if r.as != nil {
					taken := p.Succs[0] == b
					if val, known := r.as.eval(r.o.info, cond); known && val != taken {
						continue // the assumption rules this side out
					}
					nf |= r.as.asserts(r.o.info, cond, taken)
				}
				if r.guarded && !guard && len(p.Succs) == 2 {
					taken := p.Succs[0] == b
					if ok, bv := r.successTest(cond, taken, v, 0); ok && r.closesAll(p.Succs[map[bool]int{true: 1, false: 0}[taken]], v) {
						ng, np = true, bv
					}
				}
				if Dead(r.o.info, cond, p.Succs[0] == b, v, nil, false) {
					continue // v is nil (or has no body) on this branch
				}
				for k, e := range r.errs {
					// The branch shows e non-nil, or v nil: either way
					// no open response, if e still holds the error of
					// v's own call (or of a read of its body) there.
					if Dead(r.o.info, cond, p.Succs[0] == b, v, e, true) {
						nn |= 1 << k
					}
				}
			}
			k := key{p, mutated, nn, ng, np, nf}
			if seen[k] {
				continue
			}
			seen[k] = true
			if !walk(p, len(p.Nodes), mutated, nn, ng, np, nf) {
				return false
			}
		}
		return true
	}
	return walk(b, i, false, 0, false, nil, 0)
}

// closesHere reports whether node n closes v itself (or one of its
// local aliases): a node that only hands v to an owner, or assigns an
// alias that some other path closes, does not close it on this path.
func (r *resultFunc) closesHere(n ast.Node, v *types.Var) bool {
	al, ok := r.aliases[v]
	if !ok {
		al = r.o.Aliases(r.body, v)
		r.aliases[v] = al
	}
	return r.o.ClosesHere(n, v, al)
}

// successTest reports whether cond == val asserts a success status of
// v: a comparison of v.StatusCode that allows only 2xx, or, on its true
// side, a bool test of v.StatusCode (a call given it, or a local bool
// assigned once from one: success := okStatus.Contains(v.StatusCode)).
// bv is that local bool, whose assignment must lie on the path.
func (r *resultFunc) successTest(cond ast.Expr, val bool, v *types.Var, depth int) (ok bool, bv *types.Var) {
	info := r.o.info
	if st, known := statusCond(info, cond, val, v); known && st.only2xx() {
		return true, nil
	}
	if depth > 2 {
		return false, nil
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return r.successTest(c.X, !val, v, depth)
		}
	case *ast.BinaryExpr:
		if (c.Op == token.LAND && val) || (c.Op == token.LOR && !val) { // both sides hold
			if ok, bv := r.successTest(c.X, val, v, depth); ok {
				return true, bv
			}
			return r.successTest(c.Y, val, v, depth)
		}
	case *ast.CallExpr:
		if !val || !isBool(info.TypeOf(c)) {
			return false, nil
		}
		for _, a := range c.Args {
			if isStatusOf(info, a, v) {
				return true, nil
			}
		}
	case *ast.Ident:
		lv, isVar := info.Uses[c].(*types.Var)
		if !isVar || lv.Pos() < r.body.Pos() || lv.Pos() >= r.body.End() {
			return false, nil
		}
		vals, all := assignedValues(info, r.body, lv)
		if !all || len(vals) != 1 {
			return false, nil
		}
		if ok, _ := r.successTest(vals[0], val, v, depth+1); ok {
			return true, lv
		}
	}
	return false, nil
}

// closesAll reports whether every path from block start closes v
// before it returns, reassigns v, or ends.
func (r *resultFunc) closesAll(start *cfg.Block, v *types.Var) bool {
	seen := map[*cfg.Block]bool{}
	var walk func(b *cfg.Block) bool
	walk = func(b *cfg.Block) bool {
		if seen[b] {
			return true // a loop back: judged where it started
		}
		seen[b] = true
		if len(seen) > 200 {
			return false
		}
		for _, n := range b.Nodes {
			if r.closesHere(n, v) || NoReturn(r.o.info, n) {
				return true
			}
			if _, ret := n.(*ast.ReturnStmt); ret || Assigns(r.o.info, n, v) {
				return false
			}
		}
		if len(b.Succs) == 0 {
			return b.Return() == nil // a panic or a call that never returns
		}
		for _, s := range b.Succs {
			if !walk(s) {
				return false
			}
		}
		return true
	}
	return walk(start)
}

// definesWithErr reports whether n assigns v and e together from one
// call (resp, err := c.Do(req)).
func (r *resultFunc) definesWithErr(n ast.Node, v, e *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
		return false
	}
	if _, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); !ok {
		return false
	}
	hasV, hasE := false, false
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok {
			obj := r.o.info.ObjectOf(id)
			hasV = hasV || obj == v
			hasE = hasE || obj == e
		}
	}
	return hasV && hasE
}

// errorVars returns the local error variables of body assigned by a
// call with more than one result (at most 64, the bits of a path key).
func errorVars(info *types.Info, body *ast.BlockStmt) []*types.Var {
	var errs []*types.Var
	seen := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			return true
		}
		for _, l := range as.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			obj := info.ObjectOf(id)
			if e, ok := obj.(*types.Var); ok && isError(e.Type()) && !seen[e] && len(errs) < 64 {
				seen[e] = true
				errs = append(errs, e)
			}
		}
		return true
	})
	return errs
}

// mutates reports whether n may give v a new body: v passed to a call
// (which may set its fields), *v or v.Body assigned anything but an
// in-memory reader.
func (r *resultFunc) mutates(n ast.Node, v *types.Var) bool {
	info := r.o.info
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				if is(a) {
					found = true
				}
			}
		case *ast.AssignStmt:
			for k, l := range n.Lhs {
				l = ast.Unparen(l)
				if st, ok := l.(*ast.StarExpr); ok && is(st.X) {
					found = true
				}
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && is(sel.X) {
					if len(n.Lhs) != len(n.Rhs) || !r.o.inMemory(n.Rhs[k], r.body, 0) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// defOK reports whether the assignment n (node j of b) gives v a value
// that is not an open response.
//
// mutated says that v was passed to a call, or given a body, between n
// and the return: a response literal built there (http.ReadResponse's
// own &Response{}, filled in by readTransfer) is then no longer the
// synthetic one it started as.
func (r *resultFunc) defOK(n ast.Node, v *types.Var, b *cfg.Block, j, depth int, mutated bool) bool {
	info := r.o.info
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
			return false
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		if len(n.Values) == 0 {
			return true // zero value
		}
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	default:
		return false
	}
	for k, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || info.Defs[id] != v && info.Uses[id] != v {
			continue
		}
		if len(lhs) == len(rhs) {
			switch ast.Unparen(rhs[k]).(type) {
			case *ast.UnaryExpr, *ast.CompositeLit:
				if mutated {
					return false
				}
			}
			return r.exprOK(rhs[k], b, j, depth+1)
		}
		if len(rhs) == 1 {
			call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
			return ok && r.callOK(call, b, j, depth+1)
		}
	}
	return false
}

// noOpenFacts computes and exports the package's NoOpenResponse facts:
// a fixpoint over the functions that return *http.Response (helpers
// call helpers in any order), and over the methods of unexported
// interfaces whose every implementation in the package has the fact.
func noOpenFacts(pass *analysis.Pass, o *Owners) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	type fcand struct {
		fn   *types.Func
		decl *ast.FuncDecl
	}
	var funcs []fcand
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if decl.Body == nil || fn == nil || !returnsResponseSig(fn.Signature()) {
			continue
		}
		funcs = append(funcs, fcand{fn, decl})
	}
	// Methods of unexported interfaces, and the named types of the
	// package that might implement them.
	type mcand struct {
		iface *types.Interface
		m     *types.Func
	}
	var methods []mcand
	var named []types.Type
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, isIface := tn.Type().Underlying().(*types.Interface)
		if !isIface {
			named = append(named, tn.Type())
			continue
		}
		if tn.Exported() {
			continue
		}
		for m := range iface.ExplicitMethods() {
			if returnsResponseSig(m.Signature()) {
				methods = append(methods, mcand{iface, m})
			}
		}
	}
	graphs := map[*ast.FuncDecl]*cfg.CFG{}
	graph := func(d *ast.FuncDecl) *cfg.CFG {
		if graphs[d] == nil {
			graphs[d] = o.graph(d.Body)
		}
		return graphs[d]
	}
	for changed := true; changed; {
		changed = false
		for _, c := range funcs {
			if o.noOpen[c.fn] != nil || o.split[c.fn] {
				continue
			}
			if params, ok := o.noOpenResult(c.decl, c.fn.Signature(), graph(c.decl)); ok {
				o.noOpen[c.fn] = &NoOpenResponse{Params: params}
				changed = true
			}
		}
		if changed {
			continue // the NoOpenResponse facts first: they are the stronger ones
		}
		for _, c := range funcs {
			if o.noOpen[c.fn] != nil || o.split[c.fn] {
				continue
			}
			if params, ok, split := o.openResult(c.decl, c.fn.Signature(), graph(c.decl), true, nil); ok && split && len(params) == 0 {
				o.split[c.fn] = true
				changed = true
			}
		}
		if changed {
			continue
		}
		for _, c := range funcs {
			if o.noOpen[c.fn] != nil || o.split[c.fn] {
				continue
			}
			if o.unlessFact(c.fn, c.decl, func(as *assumption) bool {
				params, ok, _ := o.openResult(c.decl, c.fn.Signature(), graph(c.decl), false, as)
				return ok && len(params) == 0
			}) {
				changed = true
			}
		}
		for _, c := range methods {
			if o.noOpen[c.m] != nil {
				continue
			}
			impls := 0
			all := true
			passes := map[int]bool{}
			for _, t := range named {
				var recv types.Type
				switch {
				case types.Implements(t, c.iface):
					recv = t
				case types.Implements(types.NewPointer(t), c.iface):
					recv = types.NewPointer(t)
				default:
					continue
				}
				obj, _, _ := types.LookupFieldOrMethod(recv, true, pass.Pkg, c.m.Name())
				impl, _ := obj.(*types.Func)
				if impl == nil || o.noOpen[impl.Origin()] == nil {
					all = false
					break
				}
				impls++
				for _, p := range o.noOpen[impl.Origin()].Params {
					passes[p] = true
				}
			}
			if all && impls > 0 {
				f := new(NoOpenResponse)
				for p := range passes {
					f.Params = append(f.Params, p)
				}
				slices.Sort(f.Params)
				o.noOpen[c.m] = f
				changed = true
			}
		}
	}
	for _, c := range funcs {
		if f := o.noOpen[c.fn]; f != nil {
			pass.ExportObjectFact(c.fn, f)
		} else if o.split[c.fn] {
			pass.ExportObjectFact(c.fn, new(OpenOnSuccess))
		} else if conds := o.unless[c.fn]; len(conds) > 0 {
			pass.ExportObjectFact(c.fn, &OpenUnless{Conds: conds})
		}
	}
	for _, c := range methods {
		if f := o.noOpen[c.m]; f != nil {
			pass.ExportObjectFact(c.m, f)
		}
	}
}

func returnsResponseSig(sig *types.Signature) bool {
	for r := range sig.Results().Variables() {
		if IsResponse(r.Type()) {
			return true
		}
	}
	return false
}
