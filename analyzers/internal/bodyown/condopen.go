package bodyown

// This file computes the OpenUnless facts: functions whose returned
// response is open only when their caller's arguments leave it so.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// OpenUnless is an object fact on a function that returns
// *http.Response: the response it returns is open unless one of Conds
// holds for the call's arguments. rclone's lib/rest Client.Call drains
// and closes the body when its options say NoResponse, and CallJSON
// decodes (and closes) it when given a target to decode into; their
// callers that ask for that have nothing left to close.
//
// The function earns a Cond when, assuming it, NoOpenResponse's walk
// finds no open return: branches the assumption decides are pruned, a
// bool field a branch shows true is known on the path after it (for a
// callee's own OpenUnless), and a call of a function-typed parameter
// given the response counts as closing it (Calls: the caller's
// argument there must close its parameter).
type OpenUnless struct {
	Conds []Cond
}

// A Cond is one argument condition under which the response is not
// open: argument Param is non-nil (Field empty) or a pointer to a
// struct whose bool field Field is true; and each function passed at
// Calls[i].Func closes its parameter Calls[i].Arg.
type Cond struct {
	Param int
	Field string
	Calls []FuncArg
}

// A FuncArg names a function-typed parameter and the position of the
// response among the arguments it is called with.
type FuncArg struct {
	Func, Arg int
}

// AFact implements analysis.Fact.
func (*OpenUnless) AFact() {}

func (f *OpenUnless) String() string {
	var parts []string
	for _, c := range f.Conds {
		s := fmt.Sprintf("%d!=nil", c.Param)
		if c.Field != "" {
			s = fmt.Sprintf("%d.%s", c.Param, c.Field)
		}
		for _, fa := range c.Calls {
			s += fmt.Sprintf("&closes(%d.%d)", fa.Func, fa.Arg)
		}
		parts = append(parts, s)
	}
	return "openUnless(" + strings.Join(parts, " | ") + ")"
}

// assumption is the state of one OpenUnless derivation.
type assumption struct {
	cond   Cond
	param  *types.Var           // the parameter cond is about
	fparam map[types.Object]int // function-typed parameters, by index (read only, shared)
	calls  []FuncArg            // those counted as closing the response
	facts  []fieldFact          // bool fields some branch shows true, by bit
	known  map[fieldFact]uint64 // facts' bits
}

type fieldFact struct {
	v     *types.Var
	field string
}

// condCandidates returns the conditions worth assuming for fn: its
// pointer and interface parameters never reassigned (non-nil), and the
// bool fields of its struct-pointer parameters that the body reads.
func (o *Owners) condCandidates(fn *types.Func, decl *ast.FuncDecl) []Cond {
	sig := fn.Signature()
	var out []Cond
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 || p.Name() == "" || p.Name() == "_" {
			continue
		}
		if vals, ok := assignedValues(o.info, decl.Body, p); !ok || len(vals) > 0 {
			continue
		}
		switch u := p.Type().Underlying().(type) {
		case *types.Interface:
			out = append(out, Cond{Param: i})
		case *types.Pointer:
			out = append(out, Cond{Param: i})
			if _, ok := u.Elem().Underlying().(*types.Struct); !ok {
				continue
			}
			seen := map[string]bool{}
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && o.info.Uses[id] == p && !seen[sel.Sel.Name] && isBoolField(o.info, sel) {
					seen[sel.Sel.Name] = true
					if !fieldAssigned(o.info, decl.Body, p, sel.Sel.Name) {
						out = append(out, Cond{Param: i, Field: sel.Sel.Name})
					}
				}
				return true
			})
		}
	}
	return out
}

// fieldAssigned reports whether body assigns field of v anywhere.
func fieldAssigned(info *types.Info, body ast.Node, v *types.Var, field string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		found = found || assignsField(info, n, v, field)
		return !found
	})
	return found
}

func isBoolField(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	b, ok := s.Obj().Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// unlessFact adds the OpenUnless conditions fn earns: each candidate
// for which r, the result walk under that assumption, finds no open
// return. It reports whether one was added.
func (o *Owners) unlessFact(fn *types.Func, decl *ast.FuncDecl, r func(*assumption) bool) bool {
	changed := false
	sig := fn.Signature()
	fparam := funcParams(sig)
	for _, c := range o.condCandidates(fn, decl) {
		if o.hasCond(fn, c) {
			continue
		}
		as := &assumption{cond: c, param: sig.Params().At(c.Param), fparam: fparam, known: map[fieldFact]uint64{}}
		if r(as) {
			c.Calls = as.calls
			o.unless[fn] = append(o.unless[fn], c)
			changed = true
		}
	}
	return changed
}

func (o *Owners) hasCond(fn *types.Func, c Cond) bool {
	for _, x := range o.unless[fn] {
		if x.Param == c.Param && x.Field == c.Field {
			return true
		}
	}
	return false
}

// eval evaluates cond under the assumption: known reports that it
// decides it.
func (as *assumption) eval(info *types.Info, e ast.Expr) (val, known bool) {
	switch c := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			v, k := as.eval(info, c.X)
			return !v, k
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			x, kx := as.eval(info, c.X)
			y, ky := as.eval(info, c.Y)
			and := c.Op == token.LAND
			if kx && x != and || ky && y != and {
				return !and, true // one side decides
			}
			if kx && ky {
				return and, true
			}
		case token.EQL, token.NEQ:
			if as.cond.Field != "" {
				break
			}
			if isVar(info, c.X, as.param) && isNilExpr(info, c.Y) || isVar(info, c.Y, as.param) && isNilExpr(info, c.X) {
				return c.Op == token.NEQ, true
			}
		}
	case *ast.SelectorExpr:
		if as.cond.Field != "" && c.Sel.Name == as.cond.Field && isVar(info, c.X, as.param) {
			return true, true
		}
	}
	return false, false
}

// asserts returns the bits of the bool fields that cond == val shows
// true (opts.NoResponse on the true side of `out == nil ||
// opts.NoResponse` when out is assumed non-nil).
func (as *assumption) asserts(info *types.Info, e ast.Expr, val bool) uint64 {
	switch c := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return as.asserts(info, c.X, !val)
		}
	case *ast.BinaryExpr:
		if c.Op != token.LAND && c.Op != token.LOR {
			break
		}
		and := c.Op == token.LAND
		if val == and { // both sides equal val
			return as.asserts(info, c.X, val) | as.asserts(info, c.Y, val)
		}
		// One side is !and: the one the assumption does not decide.
		if x, k := as.eval(info, c.X); k && x == and {
			return as.asserts(info, c.Y, val)
		}
		if y, k := as.eval(info, c.Y); k && y == and {
			return as.asserts(info, c.X, val)
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(c.X).(*ast.Ident)
		if !ok || !val || !isBoolField(info, c) {
			break
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			break // a package variable may change in any call
		}
		ff := fieldFact{v, c.Sel.Name}
		if bit, ok := as.known[ff]; ok {
			return bit
		}
		if len(as.facts) >= 64 {
			break
		}
		bit := uint64(1) << len(as.facts)
		as.facts = append(as.facts, ff)
		as.known[ff] = bit
		return bit
	}
	return 0
}

// kill clears the bits of the facts whose variable, or field, node n
// assigns, or may change: the variable given to a call, or its address
// taken.
func (as *assumption) kill(info *types.Info, n ast.Node, facts uint64) uint64 {
	for k, ff := range as.facts {
		if facts&(1<<k) == 0 {
			continue
		}
		if Assigns(info, n, ff.v) || assignsField(info, n, ff.v, ff.field) || givesAway(info, n, ff.v) {
			facts &^= 1 << k
		}
	}
	return facts
}

// givesAway reports whether n passes v to a call or takes its address.
func givesAway(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.CallExpr:
			for _, a := range x.Args {
				found = found || isVar(info, a, v)
			}
		case *ast.UnaryExpr:
			found = found || x.Op == token.AND && isVar(info, x.X, v)
		}
		return !found
	})
	return found
}

func assignsField(info *types.Info, n ast.Node, v *types.Var, field string) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == field && isVar(info, sel.X, v) {
			return true
		}
	}
	return false
}

// holds reports whether, in the derivation, argument arg meets a
// condition on a field (field != "") or non-nil-ness, from the
// assumption or the path's facts; or (closes >= 0) is a function-typed
// parameter, which then joins the condition's Calls.
func (as *assumption) holds(info *types.Info, arg ast.Expr, field string, closes int, facts uint64) bool {
	arg = ast.Unparen(arg)
	if closes >= 0 {
		id, ok := arg.(*ast.Ident)
		if !ok {
			return false
		}
		v, _ := info.Uses[id].(*types.Var)
		j, ok := as.fparam[v]
		if ok {
			as.addCall(FuncArg{j, closes})
		}
		return ok
	}
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return false
	}
	if v == as.param && as.cond.Field == field {
		return true
	}
	if field == "" {
		return false
	}
	bit, ok := as.known[fieldFact{v, field}]
	return ok && facts&bit != 0
}

func (as *assumption) addCall(fa FuncArg) {
	for _, x := range as.calls {
		if x == fa {
			return
		}
	}
	as.calls = append(as.calls, fa)
}

// callsParam reports whether n calls a function-typed parameter with v
// as an argument: decode(resp, out). The parameter joins Calls.
func (as *assumption) callsParam(info *types.Info, n ast.Node, v *types.Var) bool {
	if es, ok := n.(*ast.ExprStmt); ok {
		n = es.X
	}
	if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
		n = a.Rhs[0]
	}
	e, ok := n.(ast.Expr)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	f, _ := info.Uses[id].(*types.Var)
	j, ok := as.fparam[f]
	if !ok {
		return false
	}
	for k, a := range call.Args {
		if isVar(info, a, v) {
			as.addCall(FuncArg{j, k})
			return true
		}
	}
	return false
}

// Settled reports whether call's callee has an OpenUnless condition
// that the call's arguments meet: a non-nil address or literal where a
// non-nil argument is asked; a literal with the field set true (or a
// local whose every value is such a literal, or whose field is set true
// before the call in a block around it) where a field is asked; a
// function that closes its parameter where Calls ask. extra judges an
// argument the call's own code cannot (the derivation's assumption).
func (o *Owners) settled(call *ast.CallExpr, extra func(arg ast.Expr, field string, closes int) bool) bool {
	fn := typesutil.Callee(o.info, call)
	if fn == nil {
		return false
	}
	for _, c := range o.unless[fn.Origin()] {
		if c.Param >= len(call.Args) {
			continue
		}
		arg := call.Args[c.Param]
		ok := o.argMeets(call, arg, c.Field) || extra != nil && extra(arg, c.Field, -1)
		for _, fa := range c.Calls {
			if !ok || fa.Func >= len(call.Args) {
				ok = false
				break
			}
			ok = o.funcCloses(call.Args[fa.Func], fa.Arg) || extra != nil && extra(call.Args[fa.Func], "", fa.Arg)
		}
		if ok {
			return true
		}
	}
	return false
}

// funcCloses reports whether the function value e (a function or
// method value) closes its parameter arg itself.
func (o *Owners) funcCloses(e ast.Expr, arg int) bool {
	var f *types.Func
	switch a := ast.Unparen(e).(type) {
	case *ast.Ident:
		f, _ = o.info.Uses[a].(*types.Func)
	case *ast.SelectorExpr:
		if sel, ok := o.info.Selections[a]; ok {
			if sel.Kind() == types.MethodVal {
				f, _ = sel.Obj().(*types.Func)
			}
		} else {
			f, _ = o.info.Uses[a.Sel].(*types.Func)
		}
	}
	return f != nil && o.shut[f.Origin()][arg]
}

// argMeets reports whether arg, as the call's own code shows, is
// non-nil (field "") or has its bool field set true.
func (o *Owners) argMeets(call *ast.CallExpr, arg ast.Expr, field string) bool {
	info := o.info
	arg = ast.Unparen(arg)
	if field == "" {
		return nonNilExpr(info, arg)
	}
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if cl, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok {
			return setsTrue(info, cl, field)
		}
		arg = ast.Unparen(u.X) // &opts: opts is a struct local
	} else if _, ok := types.Unalias(info.TypeOf(arg)).(*types.Pointer); !ok {
		return false
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	body := o.declaring(v)
	if body == nil {
		return false
	}
	// Every value v is given is a literal; every assignment of the
	// field gives true; and either every literal sets it, or a
	// statement before the call, in a block around it, sets it.
	lits := true
	defined := false
	bad := false
	setBefore := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			if n.Pos() > call.Pos() || n.End() < call.End() {
				break
			}
			for _, st := range n.List {
				if st.End() <= call.Pos() && assignsField(info, st, v, field) && isTrueAssign(info, st) {
					setBefore = true
				}
			}
		case *ast.AssignStmt:
			if assignsField(info, n, v, field) && !isTrueAssign(info, n) {
				bad = true
			}
			if n.Pos() > call.Pos() && n.Pos() < call.End() || !Assigns(info, n, v) {
				break
			}
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				bad = true
				break
			}
			for i, l := range n.Lhs {
				if lid, ok := ast.Unparen(l).(*ast.Ident); ok && (info.Uses[lid] == v || info.Defs[lid] == v) {
					defined = true
					cl := literal(n.Rhs[i])
					if cl == nil {
						bad = true
					} else if !setsTrue(info, cl, field) {
						lits = false
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				defined = true
				if len(n.Values) != len(n.Names) {
					bad = true
				} else if cl := literal(n.Values[i]); cl == nil {
					bad = true
				} else if !setsTrue(info, cl, field) {
					lits = false
				}
			}
		case *ast.UnaryExpr:
			// &opts given elsewhere may be changed there; the call
			// itself is what we judge.
			if n.Op == token.AND && isVar(info, n.X, v) && (n.Pos() < call.Pos() || n.Pos() >= call.End()) {
				bad = true
			}
		case *ast.CallExpr:
			// So may a pointer local given to another call.
			if n == call {
				break
			}
			for _, a := range n.Args {
				if isVar(info, a, v) {
					bad = true
				}
			}
		}
		return true
	})
	return defined && !bad && (lits || setBefore)
}

// declaring returns the body of the function declaration that declares
// the local variable v.
func (o *Owners) declaring(v *types.Var) *ast.BlockStmt {
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil
	}
	for _, f := range o.files {
		if v.Pos() < f.Pos() || v.Pos() >= f.End() {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Pos() <= v.Pos() && v.Pos() < fd.Body.End() {
				return fd.Body
			}
		}
	}
	return nil
}

// literal returns the composite literal e is, or takes the address of.
func literal(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, _ := e.(*ast.CompositeLit)
	return cl
}

// setsTrue reports whether the struct literal cl sets field to true.
func setsTrue(info *types.Info, cl *ast.CompositeLit, field string) bool {
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field && isTrue(info, kv.Value) {
			return true
		}
	}
	return false
}

func isTrueAssign(info *types.Info, n ast.Node) bool {
	as, ok := n.(*ast.AssignStmt)
	return ok && as.Tok == token.ASSIGN && len(as.Lhs) == 1 && len(as.Rhs) == 1 && isTrue(info, as.Rhs[0])
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// nonNilExpr reports whether e is plainly non-nil: an address, a
// composite literal, new(T), a function literal.
func nonNilExpr(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CompositeLit, *ast.FuncLit:
		return true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			b, ok := info.Uses[id].(*types.Builtin)
			return ok && b.Name() == "new"
		}
	}
	return false
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && v != nil && info.Uses[id] == v
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}

// errReturned reports whether the return ret (node i of b) returns an
// error that is non-nil on every path to it: the error variable had a
// method called on it (err.Error(): a nil interface would have
// panicked), or was last assigned errors.New or fmt.Errorf. Used only
// in the OpenUnless derivation: like every caller of a function that
// returns (*http.Response, error), its callers look at the response
// only when the error is nil (lib/rest Call's errorHandler path).
func (r *resultFunc) errReturned(ret *ast.ReturnStmt, b *cfg.Block, i int) bool {
	info := r.o.info
	var ev *types.Var
	for k := 0; k < r.sig.Results().Len(); k++ {
		if !isError(r.sig.Results().At(k).Type()) {
			continue
		}
		switch {
		case len(ret.Results) == 0:
			ev = r.sig.Results().At(k)
		case k < len(ret.Results) && len(ret.Results) == r.sig.Results().Len():
			if id, ok := ast.Unparen(ret.Results[k]).(*ast.Ident); ok {
				ev, _ = info.Uses[id].(*types.Var)
			}
		}
	}
	if ev == nil {
		return false
	}
	seen := map[*cfg.Block]bool{}
	var walk func(b *cfg.Block, end int) bool
	walk = func(b *cfg.Block, end int) bool {
		for j := end - 1; j >= 0; j-- {
			n := b.Nodes[j]
			if Assigns(info, n, ev) {
				a, ok := n.(*ast.AssignStmt)
				return ok && len(a.Lhs) == 1 && len(a.Rhs) == 1 && newError(info, a.Rhs[0])
			}
			if callsMethodOn(info, n, ev) {
				return true
			}
		}
		if b == r.g.Blocks[0] || len(seen) > 200 {
			return false
		}
		for _, p := range r.preds[b] {
			if seen[p] {
				continue
			}
			seen[p] = true
			if !walk(p, len(p.Nodes)) {
				return false
			}
		}
		return len(r.preds[b]) > 0
	}
	return walk(b, i)
}

// newError reports whether e is a call of errors.New or fmt.Errorf,
// which never return nil.
func newError(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typesutil.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "errors.New", "fmt.Errorf":
		return true
	}
	return false
}

// callsMethodOn reports whether n calls a method on the interface
// variable v (v.Error()).
func callsMethodOn(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if _, ok := x.(*ast.FuncLit); ok || found {
			return false
		}
		if call, ok := x.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isVar(info, sel.X, v) {
				found = true
			}
		}
		return !found
	})
	return found
}
