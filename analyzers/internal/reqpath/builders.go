package reqpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A Builder describes a function that builds a value on every call.
type Builder struct {
	// Construction is what is built (the first construction found).
	Construction
	// Returns: every value built is handed to the caller, so a caller
	// that keeps the result builds once. Otherwise the function drops
	// what it builds and every call costs a new one.
	Returns bool
	// Cond, when set, says on which argument the function builds (see
	// [Condition]); nil: it builds on every call.
	Cond *Condition
	// OneShot: every pool it builds keeps no idle connections
	// (DisableKeepAlives set, as cleanhttp.DefaultTransport does): a
	// deliberate connection per request, nothing leaks when dropped.
	OneShot bool
	// Site is the construction, in this package; token.NoPos for a
	// builder learnt from another package's fact.
	Site token.Pos
}

// A BuilderFact is the asking analyzer's own object fact for builders:
// fact types are unique per analyzer, the summary they carry is shared.
// An analyzer declares one by embedding [BuilderSummary]:
//
//	type buildsPool struct{ reqpath.BuilderSummary }
//
//	func (*buildsPool) AFact()           {}
//	func (f *buildsPool) String() string { return f.Format("buildsPool") }
type BuilderFact interface {
	analysis.Fact
	Get() Builder
	Set(Builder)
}

// BuilderSummary is what a builder fact carries across packages: what
// the function builds and whether it hands it to its caller. Positions
// do not cross packages.
type BuilderSummary struct {
	Construction
	Returns bool
	Cond    *Condition
	OneShot bool
}

func (s *BuilderSummary) Get() Builder {
	return Builder{Construction: s.Construction, Returns: s.Returns, Cond: s.Cond, OneShot: s.OneShot}
}
func (s *BuilderSummary) Set(b Builder) {
	s.Construction, s.Returns, s.Cond, s.OneShot = b.Construction, b.Returns, b.Cond, b.OneShot
}

// Format renders the fact for tests: "name(What)", "name(What,
// returned)", "name(What, returned, unless arg 0 sets Transport)".
func (s *BuilderSummary) Format(name string) string {
	out := name + "(" + s.What
	if s.Returns {
		out += ", returned"
	}
	if s.Cond != nil {
		out += ", " + s.Cond.String()
	}
	if s.OneShot {
		out += ", one-shot"
	}
	return out + ")"
}

// MayReach is the fast path: a package can only build a value if it
// imports a package of the spec's table, or one that exports a builder.
func MayReach(pass *analysis.Pass, spec *Spec) bool {
	ix := spec.patterns()
	for _, imp := range pass.Pkg.Imports() {
		if ix.direct(imp.Path()) || pass.ImportPackageFact(imp, spec.PackageFact()) {
			return true
		}
	}
	return false
}

func (spec *Spec) importBuilder(pass *analysis.Pass, fn *types.Func) (Builder, bool) {
	f := spec.Fact()
	if !pass.ImportObjectFact(fn, f) {
		return Builder{}, false
	}
	return f.Get(), true
}

// A Finding is a construction, or a call to a builder, on a per-request
// path, whose value does not outlive the request or iteration.
type Finding struct {
	Node ast.Node // the construction or the call
	// Construction is what is built: at Node, or, for a builder call,
	// inside the builder.
	Construction Construction
	Callee       *types.Func // the builder called; nil for a direct construction
	Builder      Builder     // the callee's summary, when Callee is not nil
	Context      Context
}

// finder is what one Find knows beyond the model: the builders, and
// which calls build (constructions of the spec, or builder calls).
type finder struct {
	lookup func(*types.Func) (Builder, bool)
	known  func(*ast.CallExpr) bool
}

// site is a construction or a call that may reach one.
type site struct {
	cur    inspector.Cursor
	built  Construction // direct construction
	callee *types.Func  // call

	// Filled in by eval, lazily: most calls never reach a builder.
	evaluated bool
	memo      bool        // built at most once (sync.Once, nil check, cache)
	guard     *Condition  // built only under a test of a parameter's field
	decl      *types.Func // the enclosing top-level function, if any
	declCur   inspector.Cursor
	ctx       Context
	perReq    bool
}

func (m *Model) eval(s *site) {
	if s.evaluated {
		return
	}
	s.evaluated = true
	if s.memo = m.Memoized(s.cur); s.memo {
		return
	}
	s.guard = m.paramGuard(s.cur)
	s.ctx, s.perReq = m.Where(s.cur)
	if declCur, ok := enclosingDeclCursor(s.cur); ok {
		s.declCur = declCur
		s.decl, _ = m.pass.TypesInfo.Defs[declCur.Node().(*ast.FuncDecl).Name].(*types.Func)
	}
}

// Find reports the constructions described by spec that run per
// request, directly or through builders, and exports a builder fact for
// every function of the package that builds on every call. pass is the
// asking analyzer's pass, through which its facts flow.
func (m *Model) Find(pass *analysis.Pass, spec *Spec) []Finding {
	info := pass.TypesInfo

	// Collect the constructions, and the calls that may reach one: calls
	// to functions of this package, or to builders of other packages.
	var sites []*site
	reachable := false // a construction, or a call to an imported builder
	for cur := range m.insp.Root().Preorder(spec.patterns().nodes()...) {
		if built, ok := spec.construct(info, cur); ok {
			sites = append(sites, &site{cur: cur, built: built})
			reachable = true
			continue
		}
		call, ok := cur.Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := typesutil.StaticCallee(info, call)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		if fn.Pkg() != pass.Pkg {
			if _, ok := spec.importBuilder(pass, fn); !ok {
				continue
			}
			reachable = true
		}
		sites = append(sites, &site{cur: cur, callee: fn})
	}
	if !reachable {
		return nil
	}

	roots := m.Roots()
	builders := make(map[*types.Func]*Builder)
	lookup := func(fn *types.Func) (Builder, bool) {
		if b := builders[fn]; b != nil {
			return *b, true
		}
		if fn.Pkg() != pass.Pkg {
			return spec.importBuilder(pass, fn)
		}
		return Builder{}, false
	}
	fd := &finder{lookup: lookup, known: func(call *ast.CallExpr) bool {
		if _, ok := spec.constructCall(info, call); ok {
			return true
		}
		fn := typesutil.StaticCallee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		_, ok := lookup(fn)
		return ok
	}}

	// Find the package's builders: functions, other than roots, with a
	// construction or a builder call that is not kept. A construction
	// reported per loop iteration is not summarised; one kept beyond the
	// iteration still makes its function a builder. Iterate to a
	// fixpoint, since builders call builders.
	for changed := true; changed; {
		changed = false
		for _, s := range sites {
			if s.callee != nil {
				if _, ok := lookup(s.callee); !ok {
					continue
				}
			}
			m.eval(s)
			if s.memo || s.decl == nil || (s.perReq && s.ctx.Root != nil) || roots[s.declCur.Node()] != nil {
				continue
			}
			cond, ok := m.condition(s, fd)
			if !ok {
				continue
			}
			if cond == nil && m.repeated(s, fd) {
				continue // reported per iteration, not summarised
			}
			b, ok := m.builds(s, s.declCur, fd)
			if !ok {
				continue
			}
			b.Cond = cond
			if old := builders[s.decl]; old == nil {
				builders[s.decl] = &b
				changed = true
			} else {
				if old.Returns && !b.Returns {
					old.Returns = false
					changed = true
				}
				if old.Cond != nil && b.Cond == nil {
					old.Cond = nil // builds on some path whatever the arguments
					changed = true
				}
				if old.OneShot && !b.OneShot {
					old.OneShot = false
					changed = true
				}
			}
		}
	}
	exported := false
	for fn, b := range builders {
		if passutil.IsTestFile(pass, fn.Pos()) {
			continue // no package imports a test's functions
		}
		f := spec.Fact()
		f.Set(*b)
		pass.ExportObjectFact(fn, f)
		if fn.Exported() && !exported {
			pass.ExportPackageFact(spec.PackageFact())
			exported = true
		}
	}

	// Report what runs per request and does not outlive it; otherwise
	// what is built, used and dropped on every call of its function.
	var findings []Finding
	for _, s := range sites {
		f := Finding{Node: s.cur.Node(), Construction: s.built}
		if s.callee != nil {
			b, ok := lookup(s.callee)
			if !ok {
				continue
			}
			f.Callee, f.Builder, f.Construction = s.callee, b, b.Construction
		}
		m.eval(s)
		if s.memo {
			continue
		}
		if cond, ok := m.condition(s, fd); !ok || cond != nil {
			continue // does not build here, or only on the caller's say
		}
		if m.repeated(s, fd) {
			f.Context = s.ctx
			findings = append(findings, f)
			continue
		}
		if ctx, ok := m.perCall(s, f, fd); ok {
			f.Context = ctx
			findings = append(findings, f)
		}
	}
	return innermost(findings)
}

// innermost drops a finding whose node holds another finding's node: a
// builder call given a pool built in its arguments
// (alert.NewClient(&client.Config{HttpClient: &http.Client{Transport:
// NewTransport()}})) is one mistake, best shown where the pool is built.
func innermost(findings []Finding) []Finding {
	out := findings[:0:0]
	for i, f := range findings {
		outer := false
		for j, g := range findings {
			if f.Callee == nil {
				break // a construction of the table is reported in its own right
			}
			if i != j && f.Node.Pos() <= g.Node.Pos() && g.Node.End() <= f.Node.End() &&
				(f.Node.Pos() != g.Node.Pos() || f.Node.End() != g.Node.End()) {
				outer = true
				break
			}
		}
		if !outer {
			out = append(out, f)
		}
	}
	return out
}

// repeated reports whether the site, on a per-request path or in a
// loop, builds a value that does not outlive the request or iteration.
// In a loop outside any root, only the same pool rebuilt counts: one
// distinct pool per item (its settings come from the iteration) is how
// per-region or per-account clients are made, and a value that shares
// a pool it is given (an aws-sdk-go v1 service client) is no new pool.
// Such a loop's function is summarised as a builder instead, so a
// per-request caller is still reported.
func (m *Model) repeated(s *site, fd *finder) bool {
	if !s.perReq {
		return false
	}
	b, ok := m.builds(s, s.ctx.Scope, fd)
	if !ok {
		return false
	}
	if s.ctx.Root == nil && (b.SharesPool || m.perItem(s)) {
		return false
	}
	return true
}

// perItem reports whether what the site in a loop builds depends on the
// iteration: the construction or the builder call (its arguments, its
// receiver), or a field later set on the variable it is stored in,
// refers to a variable declared in the loop (the loop variable, or one
// derived from it in the body).
func (m *Model) perItem(s *site) bool {
	info := m.pass.TypesInfo
	dep := iterationVars(info, s.ctx.Loop)
	inLoop := func(n ast.Node) bool { return usesAny(info, n, dep) }
	if inLoop(s.cur.Node()) {
		return true
	}
	// t := base.Clone(); t.TLSClientConfig = tlsFor(item)
	v := assignedVar(info, s.cur)
	if v == nil {
		return false
	}
	for cur := range s.ctx.Scope.Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v && inLoop(as.Rhs[i]) {
				return true
			}
		}
	}
	return false
}

// iterationVars returns the variables whose value changes with the
// iteration of loop: the loop's own variables, and variables of its
// body assigned from them (in source order, one pass).
func iterationVars(info *types.Info, loop ast.Stmt) map[*types.Var]bool {
	dep := make(map[*types.Var]bool)
	addDefs := func(exprs ...ast.Expr) {
		for _, e := range exprs {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					dep[v] = true
				}
			}
		}
	}
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.RangeStmt:
		addDefs(l.Key, l.Value)
		body = l.Body
	case *ast.ForStmt:
		if as, ok := l.Init.(*ast.AssignStmt); ok {
			addDefs(as.Lhs...)
		}
		body = l.Body
	}
	uses := func(n ast.Node) bool { return usesAny(info, n, dep) }
	if body == nil {
		return dep
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				if uses(r) {
					addDefs(n.Lhs...)
					break
				}
			}
		case *ast.ValueSpec:
			for _, r := range n.Values {
				if uses(r) {
					for _, id := range n.Names {
						addDefs(id)
					}
					break
				}
			}
		case *ast.RangeStmt:
			if uses(n.X) {
				addDefs(n.Key, n.Value)
			}
		case *ast.CallExpr:
			// go func(t string) { ... }(item): t is the item.
			lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit)
			if !ok {
				break
			}
			var params []ast.Expr
			for _, f := range lit.Type.Params.List {
				for _, name := range f.Names {
					params = append(params, name)
				}
			}
			for i, a := range n.Args {
				if i < len(params) && uses(a) {
					addDefs(params[i])
				}
			}
		}
		return true
	})
	return dep
}

// assignedVar returns the local variable the value at cur is directly
// assigned to ("t := <cur>", "var t = <cur>"), through parentheses and
// &, or nil.
func assignedVar(info *types.Info, cur inspector.Cursor) *types.Var {
	for {
		switch p := cur.Parent().Node().(type) {
		case *ast.ParenExpr:
			cur = cur.Parent()
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				cur = cur.Parent()
				continue
			}
		case *ast.AssignStmt:
			if _, i := cur.ParentEdge(); cur.ParentEdgeKind() == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok {
					v, _ := info.ObjectOf(id).(*types.Var)
					return v
				}
			}
		case *ast.ValueSpec:
			if _, i := cur.ParentEdge(); cur.ParentEdgeKind() == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
				v, _ := info.Defs[p.Names[i]].(*types.Var)
				return v
			}
		}
		return nil
	}
}

// condition says whether the site builds: ok false when it does not
// (a conditional builder whose argument rules it out, or cannot be
// judged), and a non-nil Condition when it builds only on a condition
// of a parameter of its function: its own guard, or a conditional
// builder's condition passed up from the argument.
func (m *Model) condition(s *site, fd *finder) (*Condition, bool) {
	cond := s.guard
	if s.callee != nil {
		b, ok := fd.lookup(s.callee)
		if !ok {
			return nil, false
		}
		if b.Cond != nil {
			builds, up := m.judge(s, b.Cond)
			switch {
			case up != nil:
				if cond == nil {
					cond = up
				}
			case !builds:
				return nil, false
			}
		}
	}
	return cond, true
}

// perCall reports whether the site builds a value that is used to send
// requests and dropped when its function returns, in a function that
// runs per call (not start-up code), and says which function.
func (m *Model) perCall(s *site, f Finding, fd *finder) (Context, bool) {
	if s.decl == nil || (s.ctx.Root != nil) || m.Roots()[s.declCur.Node()] != nil {
		return Context{}, false
	}
	if fn, ok := enclosingFunc(s.cur); !ok || fn != s.declCur {
		return Context{}, false // in a literal: when it runs is unclear
	}
	if f.Callee != nil && (!f.Builder.Returns || f.Builder.OneShot) {
		return Context{}, false // the callee builds and drops (reported there), or a one-shot
	}
	if f.Construction.SharesPool {
		return Context{}, false
	}
	if isOneShotLiteral(m.pass.TypesInfo, s.cur.Node()) {
		return Context{}, false
	}
	fl := m.flow(s.cur, s.declCur, fd.known)
	if fl.Kept || fl.Returned || fl.Handed || fl.OneShot || fl.Captured || !fl.Used {
		return Context{}, false
	}
	if m.runOnce()[s.decl] {
		return Context{}, false // start-up code
	}
	if m.perObject()[s.decl] {
		return Context{}, false // part of building its receiver: once per object
	}
	if m.callersMemoized(s.decl) {
		return Context{}, false // every caller rebuilds only when needed
	}
	if m.initializer(s.decl) {
		return Context{}, false // sets up its receiver: once per object
	}
	if m.inputKeyed(s, f) {
		return Context{}, false // one per item the call is given, like a loop over regions
	}
	decl := s.declCur.Node().(*ast.FuncDecl)
	return Context{Call: typesutil.FuncName(s.decl, m.pass.Pkg), CallDecl: decl, CallRecv: decl.Recv != nil, Scope: s.declCur}, true
}

// inputKeyed reports whether the site builds an AWS config, session or
// client from the input of its call: an argument of the construction
// (the context aside) derives from a parameter of the enclosing
// function, no argument refers to its receiver, and a builder
// it calls (a function of this package) reads no field of its own
// receiver either. Such a value is bound to the region, profile or
// credentials that the call is given (corpus: go-getter's S3 getter,
// one config per URL it downloads), so it is one per item, as in a loop
// over regions (see [Model.perItem]): "keep it in a struct field" does
// not apply. Its function is still a builder, so a per-request caller
// is reported. A builder that reads its receiver's configuration
// (alertmanager's SNS notifier: region, profile and keys from n.conf,
// only the endpoint from the alert) builds the same value every call
// and is reported. An http.Transport serves every host, so a pool is
// never keyed by the call's input.
func (m *Model) inputKeyed(s *site, f Finding) bool {
	if f.Construction.Kind == KindPool {
		return false
	}
	call, ok := s.cur.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	info := m.pass.TypesInfo
	decl := s.declCur.Node().(*ast.FuncDecl)
	recv := receiverVar(info, decl)
	dep := paramDerived(info, decl)
	keyed := false
	for _, a := range call.Args {
		if isContext(info.TypeOf(a)) {
			continue
		}
		if recv != nil && usesAny(info, a, map[*types.Var]bool{recv: true}) {
			return false // the receiver or its fields: the same configuration every call
		}
		keyed = keyed || usesAny(info, a, dep)
	}
	if !keyed {
		return false
	}
	if s.callee == nil {
		return true
	}
	return m.readsNoReceiverField(s.callee, make(map[*types.Func]bool))
}

// readsNoReceiverField reports whether fn, a function of this package,
// reads no field of its receiver, directly or through the methods it
// calls on it. A method that returns only a context carries no
// configuration and is not followed. A function of another package
// cannot be read: false.
func (m *Model) readsNoReceiverField(fn *types.Func, seen map[*types.Func]bool) bool {
	if seen[fn] {
		return true
	}
	seen[fn] = true
	cur, ok := m.funcDecls()[fn]
	if !ok {
		return false
	}
	info := m.pass.TypesInfo
	decl := cur.Node().(*ast.FuncDecl)
	recv := receiverVar(info, decl)
	if recv == nil {
		return true
	}
	clean := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || !clean {
			return clean
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || info.Uses[id] != recv {
			return true
		}
		switch selection := info.Selections[sel]; {
		case selection == nil:
		case selection.Kind() == types.FieldVal:
			clean = false
		case selection.Kind() == types.MethodVal:
			if meth, ok := selection.Obj().(*types.Func); ok && !returnsOnlyContext(meth) {
				clean = m.readsNoReceiverField(meth, seen)
			}
		}
		return clean
	})
	return clean
}

// receiverVar returns the named receiver of decl, or nil.
func receiverVar(info *types.Info, decl *ast.FuncDecl) *types.Var {
	if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	return v
}

// paramDerived returns the parameters of decl that are not contexts,
// and the local variables of its body assigned from them (in source
// order, one pass).
func paramDerived(info *types.Info, decl *ast.FuncDecl) map[*types.Var]bool {
	dep := make(map[*types.Var]bool)
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && !isContext(v.Type()) {
				dep[v] = true
			}
		}
	}
	if len(dep) == 0 || decl.Body == nil {
		return dep
	}
	add := func(ids ...ast.Expr) {
		for _, e := range ids {
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok && !isContext(v.Type()) {
					dep[v] = true
				}
			}
		}
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				if usesAny(info, r, dep) {
					add(n.Lhs...)
					break
				}
			}
		case *ast.ValueSpec:
			for _, r := range n.Values {
				if usesAny(info, r, dep) {
					for _, id := range n.Names {
						add(id)
					}
					break
				}
			}
		}
		return true
	})
	return dep
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	return t != nil && typesutil.IsNamed(t, "context", "Context")
}

// returnsOnlyContext reports whether fn's results are all
// context.Context (a getter of the receiver's context).
func returnsOnlyContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if !isContext(sig.Results().At(i).Type()) {
			return false
		}
	}
	return true
}

// isOneShotLiteral reports whether n builds a pool literal that keeps no
// idle connections: &http.Transport{DisableKeepAlives: true}.
func isOneShotLiteral(info *types.Info, n ast.Node) bool {
	cl, ok := n.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, e := range cl.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && oneShotFields[key.Name] && !isFalse(info, kv.Value) {
			return true
		}
	}
	return false
}

// builds reports whether the site builds a value that does not outlive
// scope, and summarises it as a builder of the enclosing function.
func (m *Model) builds(s *site, scope inspector.Cursor, fd *finder) (Builder, bool) {
	if s.callee == nil {
		fl := m.flow(s.cur, scope, fd.known)
		oneShot := fl.OneShot || isOneShotLiteral(m.pass.TypesInfo, s.cur.Node())
		return Builder{Construction: s.built, Returns: fl.Returned, OneShot: oneShot, Site: s.cur.Node().Pos()}, !fl.Kept
	}
	callee, ok := fd.lookup(s.callee)
	if !ok {
		return Builder{}, false
	}
	site := callee.Site
	if site == token.NoPos {
		site = s.cur.Node().Pos()
	}
	if m.perObject()[s.callee] {
		// A method that runs once per object builds into its receiver:
		// the value lives as long as the receiver does.
		if v := m.receiverVar(s, scope); v != nil {
			f := &flower{pkg: m.pass.Pkg, info: m.pass.TypesInfo, scope: scope, known: fd.known, decls: m.funcDecls, seen: make(map[types.Object]bool)}
			_, f.loop = scope.Node().(*ast.BlockStmt)
			fl := f.variable(v, 0)
			return Builder{Construction: callee.Construction, Returns: fl.Returned, OneShot: callee.OneShot || fl.OneShot, Site: site}, !fl.Kept
		}
	}
	if !callee.Returns {
		// The callee drops what it builds: every call costs one.
		return Builder{Construction: callee.Construction, OneShot: callee.OneShot, Site: site}, true
	}
	fl := m.flow(s.cur, scope, fd.known)
	return Builder{Construction: callee.Construction, Returns: fl.Returned, OneShot: callee.OneShot || fl.OneShot, Site: site}, !fl.Kept
}

// receiverVar returns the local variable of scope that the method
// call at s is made on (v in v.m(...)), or nil.
func (m *Model) receiverVar(s *site, scope inspector.Cursor) *types.Var {
	call, ok := s.cur.Node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return nil
	}
	if n := scope.Node(); v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return nil
	}
	return v
}

// callersMemoized reports whether fn has callers in this package and
// every one calls it at most once per lifetime: under a memoization
// guard (a nil check, a cache miss, an expiry test, a loop that sleeps
// until expiry: see [Model.Memoized]) or directly in start-up code
// (callers in test files are ignored). A
// function whose every call is rate-limited this way does not build per
// request, whatever it builds (a credential refresher building a
// session per refresh). Callers in other packages are not seen.
func (m *Model) callersMemoized(fn *types.Func) bool {
	calls := 0
	for cur := range m.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		if typesutil.Callee(m.pass.TypesInfo, cur.Node().(*ast.CallExpr)) != fn {
			continue
		}
		if passutil.IsTestFile(m.pass, cur.Node().Pos()) {
			continue // a test's call says nothing of how often the program calls it
		}
		calls++
		if m.Memoized(cur) || m.lazyInit(cur) {
			continue
		}
		if enc, ok := enclosingFunc(cur); ok {
			if m.Roots()[enc.Node()] != nil {
				return false // a per-request root calls it unguarded
			}
			if d, ok := enc.Node().(*ast.FuncDecl); ok {
				if caller, ok := m.pass.TypesInfo.Defs[d.Name].(*types.Func); ok && m.runOnce()[caller] {
					continue
				}
			}
		}
		return false
	}
	return calls > 0
}

// lazyInit reports whether the call at cur runs in a lazy initialiser
// of its receiver: after "if r.F != nil { return ... }" (or a
// conjunction of such tests) in the same block of a method whose
// receiver is r, where the method later sets r.F. It runs once per
// receiver, until F is set (corpus: prometheus discovery/aws, whose
// ec2Client and friends resolve the region through loadRegion only
// before d.ec2 is built). A test of a receiver's field alone is a
// condition, not a cache (see [Condition]): the assignment makes it one.
func (m *Model) lazyInit(cur inspector.Cursor) bool {
	info := m.pass.TypesInfo
	declCur, ok := enclosingDeclCursor(cur)
	if !ok {
		return false
	}
	decl := declCur.Node().(*ast.FuncDecl)
	recv := receiverVar(info, decl)
	if recv == nil {
		return false
	}
	// fields of recv tested present by cond (hit: all of them non-nil)
	var tested func(cond ast.Expr) []*types.Var
	tested = func(cond ast.Expr) []*types.Var {
		b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		if !ok {
			return nil
		}
		if b.Op == token.LAND {
			return append(tested(b.X), tested(b.Y)...)
		}
		if b.Op != token.NEQ {
			return nil
		}
		x, y := b.X, b.Y
		if isNil(info, x) {
			x, y = y, x
		}
		if !isNil(info, y) {
			return nil
		}
		if f := recvField(info, x, recv); f != nil {
			return []*types.Var{f}
		}
		return nil
	}
	// setsLater reports whether the method assigns recv.F after pos.
	setsLater := func(f *types.Var, pos token.Pos) bool {
		found := false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found || as.Pos() < pos {
				return !found
			}
			for _, lhs := range as.Lhs {
				if recvField(info, lhs, recv) == f {
					found = true
				}
			}
			return !found
		})
		return found
	}
	child := cur
	for anc := range cur.Enclosing() {
		if anc == cur {
			continue
		}
		if anc == declCur {
			return false
		}
		if _, ok := anc.Node().(*ast.BlockStmt); ok {
			for prev, ok := child.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
				ifs, isIf := prev.Node().(*ast.IfStmt)
				if !isIf || ifs.Init != nil || !endsInReturn(ifs.Body) {
					continue
				}
				for _, f := range tested(ifs.Cond) {
					if setsLater(f, cur.Node().Pos()) {
						return true
					}
				}
			}
		}
		child = anc
	}
	return false
}

// usesAny reports whether n refers to any of the variables in vars.
func usesAny(info *types.Info, n ast.Node, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}
