package poolsize

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Pool limits, from the libraries' sources.
const (
	// http.DefaultMaxIdleConnsPerHost: what a transport keeps when its
	// MaxIdleConnsPerHost is 0, as http.DefaultTransport's is.
	defaultIdlePerHost = 2
	// awshttp.DefaultHTTPTransportMaxIdleConnsPerHost: what every
	// aws-sdk-go-v2 service client built without an HTTPClient keeps
	// (aws/transport/http/client.go).
	sdkIdlePerHost = 10
)

const (
	awsPkg       = "github.com/aws/aws-sdk-go-v2/aws"
	awsConfigPkg = "github.com/aws/aws-sdk-go-v2/config"
	awshttpPkg   = "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsSvcPrefix = "github.com/aws/aws-sdk-go-v2/service/"
	s3Pkg        = "github.com/aws/aws-sdk-go-v2/service/s3"
	s3ManagerPkg = "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
)

// A pool is the connection pool behind a client, and the number of idle
// connections per host it keeps.
type pool struct {
	Limit int
	// What names the pool for a message: "http.DefaultTransport", "an
	// http.Transport with MaxIdleConnsPerHost 4", "the s3 client's
	// default HTTP client".
	What string
	// Explicit: the limit was set by the code (MaxIdleConnsPerHost or
	// WithTransportOptions); a default limit is Explicit false.
	Explicit bool
	// SDK: the pool belongs to an aws-sdk-go-v2 client; the fix goes
	// through the config's HTTPClient.
	SDK bool
	// site is the construction in this package, for Related.
	site    token.Pos
	siteMsg string
}

func (p pool) key() string { return fmt.Sprintf("%d|%s|%d", p.Limit, p.What, p.site) }

// maxDepth bounds every recursive walk (values through variables,
// helpers and call arguments): deep enough for a client built by a
// helper that wraps a helper, shallow enough to stay cheap.
const maxDepth = 6

// A frame is the scope an expression is read in: the function whose
// locals may be followed, and the arguments bound to its parameters by
// the call that reached it.
type frame struct {
	fn     ast.Node // *ast.FuncDecl or *ast.FuncLit whose locals we follow
	region ast.Node // root frame only: code whose locals vary per concurrent task
	recv   *types.Var
	args   map[*types.Var]arg
	parent *frame
}

type arg struct {
	e  ast.Expr
	fr *frame
}

// resolver answers "which pool?" and "which host?" for expressions.
type resolver struct {
	pass       *analysis.Pass
	info       *types.Info
	root       inspector.Cursor
	tr         *fieldflow.Tracker // http.Transport
	clients    *fieldflow.Tracker // http.Client
	foreign    bool               // set by Follow when a value is handed to another package
	summarized bool
	decls      map[*types.Func]*ast.FuncDecl
	fields     map[*types.Var][]ast.Expr // values assigned to struct fields in the package
}

func newResolver(pass *analysis.Pass, root inspector.Cursor) *resolver {
	r := &resolver{pass: pass, info: pass.TypesInfo, root: root, decls: map[*types.Func]*ast.FuncDecl{}}
	imported := func(*types.Func, int) []string {
		// A transport handed to another package's function may be
		// configured there (or wrapped): its limit is unknown.
		r.foreign = true
		return nil
	}
	r.tr = &fieldflow.Tracker{Pass: pass, Root: root, PkgPath: typesutil.NetHTTP, Name: "Transport", Imported: imported}
	r.clients = &fieldflow.Tracker{Pass: pass, Root: root, PkgPath: typesutil.NetHTTP, Name: "Client", Imported: imported}
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if fn, ok := r.info.Defs[d.Name].(*types.Func); ok && d.Body != nil {
			r.decls[fn] = d
		}
	}
	return r
}

// defaultPool is http.DefaultTransport's.
func defaultPool() pool {
	return pool{Limit: defaultIdlePerHost, What: "http.DefaultTransport"}
}

// poolOf returns the pool behind e: an *http.Client or http.Client, an
// http.RoundTripper or *http.Transport, an aws-sdk-go-v2 service
// client, config, or BuildableClient. ok is false when it cannot be
// known; callers then stay silent.
func (r *resolver) poolOf(e ast.Expr, fr *frame, depth int) (pool, bool) {
	if depth > maxDepth || e == nil {
		return pool{}, false
	}
	e = ast.Unparen(e)
	info := r.info
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return r.poolOf(e.X, fr, depth)
		}
	case *ast.StarExpr:
		return r.poolOf(e.X, fr, depth)
	case *ast.TypeAssertExpr: // http.DefaultTransport.(*http.Transport)
		return r.poolOf(e.X, fr, depth+1)
	case *ast.CompositeLit:
		return r.literalPool(e, fr, depth)
	case *ast.CallExpr:
		return r.callPool(e, 0, fr, depth)
	case *ast.Ident, *ast.SelectorExpr:
		obj := typesutil.ObjectOf(info, e)
		v, ok := obj.(*types.Var)
		if !ok {
			return pool{}, false
		}
		if v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && (v.Name() == "DefaultClient" || v.Name() == "DefaultTransport") {
			return defaultPool(), true
		}
		if v.IsField() {
			return r.fieldPool(v, depth)
		}
		return r.varPool(v, fr, depth)
	}
	return pool{}, false
}

// varPool resolves a variable: a bound parameter, a local with known
// definitions, a package-level variable of this package or (by fact)
// of another.
func (r *resolver) varPool(v *types.Var, fr *frame, depth int) (pool, bool) {
	for f := fr; f != nil; f = f.parent {
		if a, ok := f.args[v]; ok {
			return r.poolOf(a.e, a.fr, depth+1)
		}
	}
	if typesutil.IsPackageLevel(v) {
		if v.Pkg() != r.pass.Pkg {
			var f clientPool
			if r.pass.ImportObjectFact(v, &f) {
				return f.pool(), true
			}
			return pool{}, false
		}
		var ps []pool
		for _, file := range r.pass.Files {
			defs, ok := defsOf(r.info, file, v)
			if !ok {
				return pool{}, false
			}
			for _, d := range defs {
				p, ok := r.defPool(d, nil, depth)
				if !ok {
					return pool{}, false
				}
				ps = append(ps, p)
			}
		}
		return same(ps)
	}
	fn := enclosingFuncOf(fr, v)
	if fn == nil {
		return pool{}, false
	}
	defs, ok := defsOf(r.info, fn, v)
	if !ok {
		return pool{}, false
	}
	var ps []pool
	for _, d := range defs {
		p, ok := r.defPool(d, fr, depth)
		if !ok {
			return pool{}, false
		}
		ps = append(ps, p)
	}
	return same(ps)
}

// enclosingFuncOf returns the function of the frame chain that declares
// v, if any.
func enclosingFuncOf(fr *frame, v *types.Var) ast.Node {
	for f := fr; f != nil; f = f.parent {
		if f.fn != nil && f.fn.Pos() <= v.Pos() && v.Pos() < f.fn.End() {
			return f.fn
		}
	}
	return nil
}

func (r *resolver) defPool(d def, fr *frame, depth int) (pool, bool) {
	if d.rhs == nil {
		return pool{}, false // zero value, or assigned where we cannot see
	}
	if d.index >= 0 {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok {
			return pool{}, false
		}
		return r.callPool(call, d.index, fr, depth+1)
	}
	return r.poolOf(d.rhs, fr, depth+1)
}

// same returns the one pool all of ps agree on.
func same(ps []pool) (pool, bool) {
	if len(ps) == 0 {
		return pool{}, false
	}
	for _, p := range ps[1:] {
		if p.key() != ps[0].key() {
			return pool{}, false
		}
	}
	return ps[0], true
}

// fieldPool resolves a struct field from every value the package
// assigns to it; they must agree.
func (r *resolver) fieldPool(v *types.Var, depth int) (pool, bool) {
	if r.fields == nil {
		r.fields = fieldValues(r.pass, r.root)
	}
	vals, ok := r.fields[v]
	if !ok || len(vals) == 0 || v.Pkg() != r.pass.Pkg {
		return pool{}, false
	}
	var ps []pool
	for _, e := range vals {
		if e == nil {
			return pool{}, false
		}
		p, ok := r.poolOf(e, r.frameAt(e), depth+1)
		if !ok {
			return pool{}, false
		}
		ps = append(ps, p)
	}
	return same(ps)
}

// frameAt is a frame for reading e where it stands: the function that
// contains it, with no bound arguments.
func (r *resolver) frameAt(e ast.Expr) *frame {
	cur, ok := r.root.FindNode(e)
	if !ok {
		return nil
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return &frame{fn: fc.Node()}
	}
	return nil
}

// fieldValues collects, for every struct field of a package type, the
// values assigned to it: keys of composite literals and assignments
// x.f = v. A nil entry means a value we cannot see (a positional
// literal, &x.f taken).
func fieldValues(pass *analysis.Pass, root inspector.Cursor) map[*types.Var][]ast.Expr {
	info := pass.TypesInfo
	out := make(map[*types.Var][]ast.Expr)
	for cur := range root.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			st, ok := typeOf(info, n).Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for i, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
							out[f] = append(out[f], kv.Value)
						}
					}
				} else if i < st.NumFields() {
					out[st.Field(i)] = append(out[st.Field(i)], elt)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				f, ok := info.Uses[sel.Sel].(*types.Var)
				if !ok || !f.IsField() {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					out[f] = append(out[f], n.Rhs[i])
				} else {
					out[f] = append(out[f], nil)
				}
			}
		case *ast.UnaryExpr:
			if sel, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && n.Op == token.AND {
				if f, ok := info.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
					out[f] = append(out[f], nil)
				}
			}
		}
	}
	return out
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// literalPool resolves http.Client{...}, http.Transport{...},
// aws.Config{...} and s3.Options{...} literals.
func (r *resolver) literalPool(lit *ast.CompositeLit, fr *frame, depth int) (pool, bool) {
	t := typeOf(r.info, lit)
	switch {
	case r.clients.IsType(t):
		return r.clientPool(lit, fr, depth)
	case r.tr.IsType(t):
		return r.transportPool(lit, pool{Limit: defaultIdlePerHost}, fr)
	case typesutil.IsNamed(t, awsPkg, "Config") || isSDKOptions(t):
		if v := typesutil.KeyValue(lit, "HTTPClient"); v != nil {
			return r.poolOf(v, fr, depth+1)
		}
		return noHTTPClient(), true // the service client builds its default
	case isRoundTripper(t):
		// A decorator (logging, user agent, auth): it sends through the
		// one round tripper it wraps.
		var inner []ast.Expr
		for _, elt := range lit.Elts {
			v := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				v = kv.Value
			}
			if vt := r.info.TypeOf(v); vt != nil && (typesutil.IsNamed(vt, typesutil.NetHTTP, "RoundTripper") || r.tr.IsPtr(vt)) {
				inner = append(inner, v)
			}
		}
		if len(inner) == 1 {
			return r.poolOf(inner[0], fr, depth+1)
		}
	}
	return pool{}, false
}

// isRoundTripper reports whether *t has a RoundTrip method.
func isRoundTripper(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 1 && typesutil.IsPointerToNamed(sig.Params().At(0).Type(), typesutil.NetHTTP, "Request")
}

// followed is what poolsize reads of a construction fieldflow followed.
type followed interface {
	Last(name string) *fieldflow.Field
}

// follow runs fieldflow on the construction e; ok is false when the
// value escapes where its fields may be set unseen, or is handed to
// another package. It is poolsize's one call into fieldflow.
func (r *resolver) follow(tr *fieldflow.Tracker, e ast.Expr, kind fieldflow.Kind) (followed, bool) {
	cur, found := r.root.FindNode(e)
	if !found {
		return nil, false
	}
	c := fieldflow.Construction{Kind: kind, Expr: e}
	if lit, ok := e.(*ast.CompositeLit); ok {
		c.Lit = lit
		if cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
			cur = cur.Parent()
			c.Expr = cur.Node().(ast.Expr)
		}
	}
	c.Cursor = cur
	if !r.summarized {
		// Same-package helpers that set fields, computed on first use.
		r.tr.Summarize()
		r.clients.Summarize()
		r.summarized = true
	}
	r.foreign = false
	f := tr.Follow(c)
	return f, !f.Escaped && !r.foreign
}

// clientPool resolves an http.Client construction: its Transport, or
// http.DefaultTransport when it stays nil.
func (r *resolver) clientPool(e ast.Expr, fr *frame, depth int) (pool, bool) {
	kind := fieldflow.New
	if _, ok := e.(*ast.CompositeLit); ok {
		kind = fieldflow.Literal
	}
	c, ok := r.follow(r.clients, e, kind)
	if !ok {
		return pool{}, false
	}
	f := c.Last("Transport")
	if f == nil {
		p := defaultPool()
		p.site, p.siteMsg = e.Pos(), "the http.Client is built here with a nil Transport: it sends through http.DefaultTransport"
		return p, true
	}
	if fieldflow.IsNil(r.info, f.Value) {
		return defaultPool(), true
	}
	return r.poolOf(f.Value, fr, depth+1)
}

// transportPool follows an http.Transport construction to its
// MaxIdleConnsPerHost. base is what it starts from (a Clone keeps the
// original's setting).
func (r *resolver) transportPool(e ast.Expr, base pool, fr *frame) (pool, bool) {
	kind := fieldflow.Literal
	switch e.(type) {
	case *ast.CallExpr:
		kind = fieldflow.Call
		if isNew(r.info, e) {
			kind = fieldflow.New
		}
	}
	c, ok := r.follow(r.tr, e, kind)
	if !ok {
		return pool{}, false
	}
	p := pool{Limit: base.Limit, Explicit: base.Explicit, site: e.Pos()}
	if f := c.Last("MaxIdleConnsPerHost"); f != nil {
		v := fieldflow.Const(r.info, f.Value)
		if v == nil || v.Kind() != constant.Int {
			return pool{}, false
		}
		n, exact := constant.Int64Val(v)
		if !exact || n < 0 {
			return pool{}, false
		}
		p.Limit, p.Explicit = int(n), true
		if n == 0 {
			p.Limit = defaultIdlePerHost
		}
	}
	if p.Explicit {
		p.What = fmt.Sprintf("an http.Transport with MaxIdleConnsPerHost %d", p.Limit)
		p.siteMsg = "the http.Transport is built here"
	} else {
		p.What = "an http.Transport that leaves MaxIdleConnsPerHost at its default"
		p.siteMsg = "the http.Transport is built here; MaxIdleConnsPerHost is never set, so 2 applies"
	}
	return p, true
}

func isNew(info *types.Info, e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "new"
}

// callPool resolves the index'th result of a call.
func (r *resolver) callPool(call *ast.CallExpr, index int, fr *frame, depth int) (pool, bool) {
	info := r.info
	if isNew(info, call) && index == 0 {
		tv := info.Types[call.Args[0]]
		switch {
		case r.clients.IsType(tv.Type):
			return r.clientPool(call, fr, depth)
		case r.tr.IsType(tv.Type):
			return r.transportPool(call, pool{Limit: defaultIdlePerHost}, fr)
		}
		return pool{}, false
	}
	fn := typesutil.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return pool{}, false
	}
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	path := fn.Pkg().Path()
	switch {
	case typesutil.IsMethod(fn, typesutil.NetHTTP, "Transport", "Clone") && sel != nil && index == 0:
		base, ok := r.poolOf(sel.X, fr, depth+1)
		if !ok {
			return pool{}, false
		}
		return r.transportPool(call, base, fr)
	case typesutil.IsFunc(fn, awshttpPkg, "NewBuildableClient") && index == 0:
		return sdkDefault(), true
	case typesutil.IsMethod(fn, awshttpPkg, "BuildableClient", "WithTransportOptions") && sel != nil:
		base, ok := r.poolOf(sel.X, fr, depth+1)
		if !ok {
			return pool{}, false
		}
		for _, opt := range call.Args {
			n, set, ok := r.optionSets(opt, "MaxIdleConnsPerHost")
			if !ok {
				return pool{}, false
			}
			if set {
				base = pool{Limit: n, Explicit: true, SDK: true,
					What: fmt.Sprintf("an awshttp.BuildableClient with MaxIdleConnsPerHost %d", n),
					site: call.Pos(), siteMsg: "the HTTP client's transport options are set here"}
				if n == 0 {
					base.Limit = defaultIdlePerHost
				}
			}
		}
		return base, true
	case (typesutil.IsMethod(fn, awshttpPkg, "BuildableClient", "WithTimeout", "WithDialerOptions", "Freeze")) && sel != nil:
		return r.poolOf(sel.X, fr, depth+1)
	case typesutil.IsFunc(fn, awsConfigPkg, "LoadDefaultConfig") && index == 0:
		return r.configPool(call, fr, depth)
	case strings.HasPrefix(path, awsSvcPrefix) && (fn.Name() == "NewFromConfig" || fn.Name() == "New") && index == 0 && isSDKClientCtor(fn):
		return r.serviceClientPool(call, fn, fr, depth)
	}
	// A helper: this package's returns, or another package's fact.
	if fn.Pkg() != r.pass.Pkg {
		var f clientPool
		if index == 0 && r.pass.ImportObjectFact(fn, &f) {
			return f.pool(), true
		}
		return pool{}, false
	}
	decl := r.decls[fn]
	if decl == nil {
		return pool{}, false
	}
	callee := &frame{fn: decl, args: bindArgs(info, fn, call, fr)}
	return r.returnsPool(decl, index, callee, depth)
}

// returnsPool resolves the index'th result of every return statement of
// decl; they must agree.
func (r *resolver) returnsPool(decl *ast.FuncDecl, index int, fr *frame, depth int) (pool, bool) {
	var ps []pool
	ok := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var p pool
			switch {
			case len(n.Results) == 0:
				ok = false // named results
			case len(n.Results) == 1 && index > 0:
				call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr)
				if !isCall {
					ok = false
					return false
				}
				p, ok = r.callPool(call, index, fr, depth+1)
			case index < len(n.Results):
				if index > 0 || len(n.Results) > 1 {
					// (client, error): a nil client on the error path
					// sends nothing.
					if fieldflow.IsNil(r.info, n.Results[index]) {
						return false
					}
				}
				p, ok = r.poolOf(n.Results[index], fr, depth+1)
			default:
				ok = false
			}
			if ok {
				ps = append(ps, p)
			}
		}
		return ok
	})
	if !ok {
		return pool{}, false
	}
	return same(ps)
}

// bindArgs maps the parameters of fn (and its receiver) to the
// arguments of call, read in the caller's frame. A spread call f(g())
// binds nothing.
func bindArgs(info *types.Info, fn *types.Func, call *ast.CallExpr, caller *frame) map[*types.Var]arg {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	m := make(map[*types.Var]arg)
	n := sig.Params().Len()
	if len(call.Args) == n || (sig.Variadic() && len(call.Args) >= n-1) {
		for i := range n {
			if sig.Variadic() && i == n-1 {
				break
			}
			m[sig.Params().At(i)] = arg{call.Args[i], caller}
		}
	}
	if sig.Recv() != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				m[sig.Recv()] = arg{sel.X, caller}
			}
		}
	}
	return m
}

// optionSets reports whether the functional option opt, a func literal
// func(p *T) { ... }, sets p.field, and to which constant. ok is false
// when opt is not a literal we can read, or sets the field to a value
// that is not constant.
func (r *resolver) optionSets(opt ast.Expr, field string) (n int, set, ok bool) {
	lit, isLit := ast.Unparen(opt).(*ast.FuncLit)
	if !isLit || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return 0, false, false
	}
	p := r.info.Defs[lit.Type.Params.List[0].Names[0]]
	ok = true
	ast.Inspect(lit.Body, func(nd ast.Node) bool {
		as, isAs := nd.(*ast.AssignStmt)
		if !isAs || !ok {
			return ok
		}
		for i, lhs := range as.Lhs {
			sel, isSel := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !isSel || sel.Sel.Name != field {
				continue
			}
			if id, isID := ast.Unparen(sel.X).(*ast.Ident); !isID || r.info.Uses[id] != p {
				continue
			}
			if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
				ok = false
				return false
			}
			v := fieldflow.Const(r.info, as.Rhs[i])
			if v == nil || v.Kind() != constant.Int {
				ok = false
				return false
			}
			x, exact := constant.Int64Val(v)
			if !exact || x < 0 {
				ok = false
				return false
			}
			n, set = int(x), true
		}
		return true
	})
	return n, set, ok
}

// optionAssigns returns the value a functional option literal assigns
// to p.field (nil if none); ok is false when opt is not a literal.
func (r *resolver) optionAssigns(opt ast.Expr, field string) (ast.Expr, bool) {
	lit, isLit := ast.Unparen(opt).(*ast.FuncLit)
	if !isLit || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return nil, false
	}
	p := r.info.Defs[lit.Type.Params.List[0].Names[0]]
	var val ast.Expr
	ok := true
	ast.Inspect(lit.Body, func(nd ast.Node) bool {
		as, isAs := nd.(*ast.AssignStmt)
		if !isAs {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, isSel := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !isSel || sel.Sel.Name != field {
				continue
			}
			if id, isID := ast.Unparen(sel.X).(*ast.Ident); isID && r.info.Uses[id] == p {
				if len(as.Lhs) != len(as.Rhs) {
					ok = false
				} else {
					val = as.Rhs[i]
				}
			}
		}
		return true
	})
	return val, ok
}

// noHTTPClient stands for an aws.Config or service Options without an
// HTTPClient: the service client built from it gets the SDK default.
func noHTTPClient() pool { return pool{What: "no HTTPClient"} }

func (p pool) none() bool { return p.Limit == 0 && p.What == "no HTTPClient" }

func sdkDefault() pool {
	return pool{Limit: sdkIdlePerHost, SDK: true, What: "the aws-sdk-go-v2 default HTTP client"}
}

// configPool resolves config.LoadDefaultConfig(ctx, opts...): the
// HTTPClient an option gives it, or none (the service client then
// builds its default).
func (r *resolver) configPool(call *ast.CallExpr, fr *frame, depth int) (pool, bool) {
	if call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return pool{}, false // opts... we cannot read
	}
	var found ast.Expr
	for _, opt := range call.Args[1:] {
		if c, ok := ast.Unparen(opt).(*ast.CallExpr); ok {
			fn := typesutil.Callee(r.info, c)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == awsConfigPkg {
				if fn.Name() == "WithHTTPClient" && len(c.Args) == 1 {
					found = c.Args[0]
				}
				continue // config.WithRegion & co set nothing else of ours
			}
		}
		v, ok := r.optionAssigns(opt, "HTTPClient")
		if !ok {
			return pool{}, false
		}
		if v != nil {
			found = v
		}
	}
	if found == nil {
		return noHTTPClient(), true // the service client builds its default
	}
	return r.poolOf(found, fr, depth+1)
}

// isSDKClientCtor reports whether fn is a service package's New or
// NewFromConfig returning its *Client.
func isSDKClientCtor(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil && sig.Results().Len() == 1 &&
		typesutil.IsPointerToNamed(sig.Results().At(0).Type(), fn.Pkg().Path(), "Client")
}

func isSDKOptions(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && strings.HasPrefix(n.Obj().Pkg().Path(), awsSvcPrefix) && n.Obj().Name() == "Options"
}

// serviceClientPool resolves svc.NewFromConfig(cfg, opts...) and
// svc.New(svc.Options{...}, opts...): an HTTPClient from the options
// or the config, else the SDK's default, built by this call.
func (r *resolver) serviceClientPool(call *ast.CallExpr, fn *types.Func, fr *frame, depth int) (pool, bool) {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return pool{}, false
	}
	var found ast.Expr
	for _, opt := range call.Args[1:] {
		v, ok := r.optionAssigns(opt, "HTTPClient")
		if !ok {
			return pool{}, false
		}
		if v != nil {
			found = v
		}
	}
	if found != nil {
		return r.poolOf(found, fr, depth+1)
	}
	first := ast.Unparen(call.Args[0])
	var base pool
	if fn.Name() == "New" {
		lit, ok := first.(*ast.CompositeLit)
		if !ok {
			return pool{}, false
		}
		if v := typesutil.KeyValue(lit, "HTTPClient"); v != nil {
			return r.poolOf(v, fr, depth+1)
		}
	} else {
		p, ok := r.cfgPool(first, fr, depth+1)
		if !ok {
			return pool{}, false
		}
		if !p.none() {
			return p, true
		}
	}
	base = sdkDefault()
	base.What = "the " + fn.Pkg().Name() + " client's default HTTP client"
	base.site, base.siteMsg = call.Pos(), "the "+fn.Pkg().Name()+" client is built here with no HTTPClient: the SDK gives it a transport with MaxIdleConnsPerHost 10"
	return base, true
}

// cfgPool resolves an aws.Config expression to its HTTPClient's pool,
// or to noHTTPClient() when it has none.
func (r *resolver) cfgPool(e ast.Expr, fr *frame, depth int) (pool, bool) {
	if depth > maxDepth {
		return pool{}, false
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		if v := typesutil.KeyValue(e, "HTTPClient"); v != nil {
			return r.poolOf(v, fr, depth+1)
		}
		return noHTTPClient(), true
	case *ast.CallExpr:
		return r.callPool(e, 0, fr, depth+1)
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return pool{}, false
		}
		for f := fr; f != nil; f = f.parent {
			if a, ok := f.args[v]; ok {
				return r.cfgPool(a.e, a.fr, depth+1)
			}
		}
		fn := enclosingFuncOf(fr, v)
		if fn == nil {
			return pool{}, false
		}
		defs, ok := defsOf(r.info, fn, v)
		if !ok || len(defs) != 1 || defs[0].rhs == nil {
			return pool{}, false
		}
		// cfg.HTTPClient = x after the definition.
		if fieldAssigned(r.info, fn, v, "HTTPClient") {
			return pool{}, false
		}
		d := defs[0]
		if d.index >= 0 {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				return pool{}, false
			}
			return r.callPool(call, d.index, fr, depth+1)
		}
		return r.cfgPool(d.rhs, fr, depth+1)
	}
	return pool{}, false
}

// fieldAssigned reports whether fn assigns v.field or takes its address.
func fieldAssigned(info *types.Info, fn ast.Node, v *types.Var, field string) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != field {
			return !found
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// A def is one definition of a variable: rhs, or the index'th result
// of the call rhs; rhs is nil for a zero value.
type def struct {
	rhs   ast.Expr
	index int
}

// defsOf returns every definition of v inside scope. ok is false when v
// is defined in a way we cannot follow (a range variable, an op-assign,
// its address taken).
func defsOf(info *types.Info, scope ast.Node, v *types.Var) (defs []def, ok bool) {
	ok = true
	is := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && info.ObjectOf(id) == v
	}
	ast.Inspect(scope, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					ok = false
				case len(n.Lhs) == len(n.Rhs):
					defs = append(defs, def{n.Rhs[i], -1})
				case len(n.Rhs) == 1:
					defs = append(defs, def{n.Rhs[0], i})
				default:
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				switch {
				case len(n.Values) == 0:
					defs = append(defs, def{nil, -1})
				case len(n.Values) == len(n.Names):
					defs = append(defs, def{n.Values[i], -1})
				case len(n.Values) == 1:
					defs = append(defs, def{n.Values[0], i})
				}
			}
		case *ast.RangeStmt:
			if (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				ok = false
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				ok = false
			}
		}
		return ok
	})
	return defs, ok
}
