package poolsize

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the poolsize analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests bool
}

// New returns a fresh poolsize analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "poolsize",
		Doc:       docs.MustExtract(doc, "poolsize"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/poolsize",
		Requires:  []*analysis.Analyzer{inspect.Analyzer, reqpath.Analyzer},
		FactTypes: []analysis.Fact{new(clientPool), new(hasClientPools)},
		Run:       cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	return a
}

// clientPool is the fact that a function returns, or a package-level
// variable holds, a client (or transport, or AWS config) whose pool
// keeps Limit idle connections per host.
type clientPool struct {
	Limit    int
	What     string
	Explicit bool
	SDK      bool
	From     string // the function or variable, for messages in importers
}

func (*clientPool) AFact() {}

func (f *clientPool) String() string {
	if f.What == noHTTPClient().What {
		return "clientPool(no HTTPClient)"
	}
	return fmt.Sprintf("clientPool(%d, %s)", f.Limit, f.What)
}

func (f *clientPool) pool() pool {
	if f.What == noHTTPClient().What {
		return noHTTPClient()
	}
	return pool{Limit: f.Limit, What: f.What + " (from " + f.From + ")", Explicit: f.Explicit, SDK: f.SDK}
}

// hasClientPools marks a package with clientPool facts, so that
// importers without net/http know they must look.
type hasClientPools struct{}

func (*hasClientPools) AFact()         {}
func (*hasClientPools) String() string { return "hasClientPools" }

// A request is a call that sends through a pool: where the pool is and
// how to tell its host.
type request struct {
	call   *ast.CallExpr
	client ast.Expr // the client expression, nil for http.Get & co
	oneURL func(r *resolver, fr *frame) bool
}

// httpCalls are the net/http calls that send a request: the package
// functions go through http.DefaultClient; the Client methods through
// the client's pool. url is the argument holding the URL, or -1 for the
// *http.Request argument of Do.
var httpCalls = []struct {
	recv string // "" for package functions
	name string
	url  int
}{
	{"", "Get", 0}, {"", "Head", 0}, {"", "Post", 0}, {"", "PostForm", 0},
	{"Client", "Get", 0}, {"Client", "Head", 0}, {"Client", "Post", 0}, {"Client", "PostForm", 0},
	{"Client", "Do", -1},
}

// asRequest recognises a call that sends a request.
func (r *resolver) asRequest(call *ast.CallExpr) (request, bool) {
	fn := typesutil.Callee(r.info, call)
	if fn == nil || fn.Pkg() == nil {
		return request{}, false
	}
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn.Pkg().Path() == typesutil.NetHTTP {
		for _, c := range httpCalls {
			if c.recv == "" && !typesutil.IsFunc(fn, typesutil.NetHTTP, c.name) ||
				c.recv != "" && !typesutil.IsMethod(fn, typesutil.NetHTTP, c.recv, c.name) {
				continue
			}
			if len(call.Args) == 0 || (c.recv != "" && sel == nil) {
				return request{}, false
			}
			req := request{call: call}
			if c.recv != "" {
				req.client = sel.X
			}
			u := call.Args[0]
			if c.url < 0 {
				req.oneURL = func(r *resolver, fr *frame) bool { return r.requestOneHost(u, fr, 0) }
			} else {
				req.oneURL = func(r *resolver, fr *frame) bool { return r.oneHost(u, fr, 0) }
			}
			return req, true
		}
		return request{}, false
	}
	// An aws-sdk-go-v2 operation: (*svc.Client).Op(ctx, *OpInput, ...).
	if !strings.HasPrefix(fn.Pkg().Path(), awsSvcPrefix) || sel == nil || len(call.Args) < 2 {
		return request{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !typesutil.IsPointerToNamed(sig.Recv().Type(), fn.Pkg().Path(), "Client") || sig.Params().Len() < 2 {
		return request{}, false
	}
	req := request{call: call, client: sel.X}
	if fn.Pkg().Path() == s3Pkg {
		in := call.Args[1]
		req.oneURL = func(r *resolver, fr *frame) bool { return r.bucketOneHost(in, fr, 0) }
	} else {
		req.oneURL = func(*resolver, *frame) bool { return true } // one regional endpoint
	}
	return req, true
}

// relevant is the fast path: a package can only send through a pool it
// can name.
func relevant(pass *analysis.Pass) bool {
	if passutil.InGOROOT(pass) {
		return false
	}
	for _, imp := range pass.Pkg.Imports() {
		p := imp.Path()
		if p == typesutil.NetHTTP || strings.HasPrefix(p, awsSvcPrefix) || p == s3ManagerPkg ||
			pass.ImportPackageFact(imp, new(hasClientPools)) {
			return true
		}
	}
	return false
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !relevant(pass) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	model := pass.ResultOf[reqpath.Analyzer].(*reqpath.Model)
	r := newResolver(pass, insp.Root())

	// 1. Facts: clients that helpers return and package variables hold.
	r.exportFacts()

	// 2. Fan-outs and handlers: requests to one host through a pool that
	// keeps fewer idle connections than the concurrency.
	claimed := make(map[ast.Node]bool) // requests a loop fan-out accounts for
	reported := make(map[string]bool)
	for _, f := range r.findFanouts(model) {
		for _, d := range r.check(f, claimed) {
			if !cfg.tests && passutil.IsTestFile(pass, d.Pos) {
				continue
			}
			key := fmt.Sprintf("%d|%s", d.Pos, d.Message)
			if !reported[key] {
				reported[key] = true
				pass.Report(d)
			}
		}
	}

	// 3. The s3 manager: part uploads and downloads in parallel.
	for _, d := range r.checkManagers() {
		if cfg.tests || !passutil.IsTestFile(pass, d.Pos) {
			pass.Report(d)
		}
	}
	return nil, nil
}

// A site is a request reached from a fan-out, with the frame to read it.
type site struct {
	req request
	fr  *frame
}

// maxCallDepth bounds how far requests are followed into helpers of the
// package: a handler that calls a method that calls the client.
const maxCallDepth = 3

// sites yields the requests a fan-out's tasks make, in its body and in
// the helpers of the package it calls.
func (r *resolver) sites(body ast.Node, fr *frame) []site {
	var out []site
	seen := map[*ast.FuncDecl]bool{}
	var walk func(n ast.Node, fr *frame, depth int)
	walk = func(n ast.Node, fr *frame, depth int) {
		ast.Inspect(n, func(nd ast.Node) bool {
			call, ok := nd.(*ast.CallExpr)
			if !ok {
				return true
			}
			if req, ok := r.asRequest(call); ok {
				out = append(out, site{req, fr})
				return true
			}
			if depth >= maxCallDepth {
				return true
			}
			fn := typesutil.StaticCallee(r.info, call)
			if decl := r.decls[fn]; decl != nil && !seen[decl] {
				seen[decl] = true
				walk(decl.Body, &frame{fn: decl, args: bindArgs(r.info, fn, call, fr), parent: fr}, depth+1)
			}
			return true
		})
	}
	if d, ok := body.(*ast.FuncDecl); ok {
		seen[d] = true
		walk(d.Body, fr, 0)
	} else {
		walk(body, fr, 0)
	}
	return out
}

// check reports, for one fan-out, each pool its tasks send through to
// one host that keeps fewer idle connections per host than the
// fan-out's concurrency: one finding per pool.
func (r *resolver) check(f *fanout, claimed map[ast.Node]bool) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	done := map[string]bool{}
	for _, s := range r.sites(f.body, f.fr) {
		if f.at == nil && claimed[s.req.call] {
			continue
		}
		if f.at != nil {
			claimed[s.req.call] = true
		}
		var p pool
		ok := true
		if s.req.client == nil {
			p = defaultPool()
		} else {
			p, ok = r.poolOf(s.req.client, s.fr, 0)
		}
		if !ok || p.none() || done[p.key()] || !tooSmall(f.bound, p) || !s.req.oneURL(r, s.fr) {
			continue
		}
		done[p.key()] = true
		at := f.at
		if at == nil {
			at = s.req.call
		}
		d := analysis.Diagnostic{Pos: at.Pos(), End: at.End(),
			Message: message(f.bound, "requests", f.why, p)}
		if p.site.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p.site, Message: p.siteMsg})
		}
		if f.at != nil && s.req.call.Pos() != f.at.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.req.call.Pos(), Message: "each task sends its request here"})
		}
		d.Related = append(d.Related, f.related...)
		out = append(out, d)
	}
	return out
}

// tooSmall reports whether a pool keeps fewer idle connections per host
// than the concurrency. Unbounded concurrency counts against default
// limits only: a limit the code chose was sized for something.
func tooSmall(bound int, p pool) bool {
	if bound == 0 {
		return !p.Explicit
	}
	return bound > p.Limit
}

// message renders a finding: the concurrency and its bound, the pool's
// limit and where it comes from, what it costs, and the fix.
func message(bound int, noun, why string, p pool) string {
	var b strings.Builder
	if bound > 0 {
		fmt.Fprintf(&b, "up to %d concurrent %s to one host (%s) share %s, which keeps %d idle connections per host: over HTTP/1.1, %d connections are closed after each burst; ",
			bound, noun, why, p.What, p.Limit, bound-p.Limit)
	} else {
		fmt.Fprintf(&b, "unbounded concurrent %s to one host (%s) share %s, which keeps %d idle connections per host: over HTTP/1.1, every connection beyond %d is closed after each burst; ",
			noun, why, p.What, p.Limit, p.Limit)
	}
	want := "the expected concurrency"
	if bound > 0 {
		want = fmt.Sprint(bound)
	}
	switch {
	case p.SDK && bound > 0:
		fmt.Fprintf(&b, "give the config an HTTPClient built with awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) { t.MaxIdleConnsPerHost = %d })", bound)
	case p.SDK:
		b.WriteString("give the config an HTTPClient built with awshttp.NewBuildableClient().WithTransportOptions that sets MaxIdleConnsPerHost to " + want)
	case bound > 0:
		fmt.Fprintf(&b, "use a transport with MaxIdleConnsPerHost ≥ %d", bound)
	default:
		b.WriteString("use a transport with MaxIdleConnsPerHost set to " + want)
	}
	return b.String()
}

// checkManagers reports s3 manager uploaders and downloaders whose
// Concurrency exceeds their client's idle limit: every part goes to the
// same bucket, so to one host.
func (r *resolver) checkManagers() []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for cur := range r.root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := typesutil.Callee(r.info, call)
		if !typesutil.IsFunc(fn, s3ManagerPkg, "NewUploader", "NewDownloader") || len(call.Args) == 0 || call.Ellipsis.IsValid() {
			continue
		}
		noun := "part uploads"
		if fn.Name() == "NewDownloader" {
			noun = "part downloads"
		}
		conc, why := 5, "the default Concurrency, 5" // DefaultUploadConcurrency, DefaultDownloadConcurrency
		readable := true
		for _, opt := range call.Args[1:] {
			n, set, ok := r.optionSets(opt, "Concurrency")
			if !ok {
				readable = false
				break
			}
			if set && n > 0 {
				conc, why = n, fmt.Sprintf("Concurrency %d", n)
			}
		}
		if !readable {
			continue
		}
		var fnNode ast.Node
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			fnNode = fc.Node()
			break
		}
		if fnNode == nil || concurrencyAssigned(r, cur, fnNode) {
			continue
		}
		p, ok := r.poolOf(call.Args[0], &frame{fn: fnNode}, 0)
		if !ok || p.none() || conc <= p.Limit {
			continue
		}
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(),
			Message: strings.Replace(message(conc, noun, why, p), "to one host", "to one bucket", 1)}
		if p.site.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p.site, Message: p.siteMsg})
		}
		out = append(out, d)
	}
	return out
}

// concurrencyAssigned reports whether the uploader built at cur has its
// Concurrency set after construction (u.Concurrency = n).
func concurrencyAssigned(r *resolver, cur inspector.Cursor, fn ast.Node) bool {
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
	default:
		return true // passed on or returned: set elsewhere, maybe
	}
	var v *types.Var
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if i := cur.ParentEdgeIndex(); len(p.Lhs) == len(p.Rhs) {
			if id, ok := p.Lhs[i].(*ast.Ident); ok {
				v, _ = r.info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if i := cur.ParentEdgeIndex(); len(p.Names) == len(p.Values) {
			v, _ = r.info.Defs[p.Names[i]].(*types.Var)
		}
	}
	if v == nil {
		return true // a field: set elsewhere, maybe
	}
	return fieldAssigned(r.info, fn, v, "Concurrency")
}

// exportFacts exports a clientPool fact for each function of the
// package that returns a client with a known pool, and each
// package-level variable that holds one.
func (r *resolver) exportFacts() {
	pass := r.pass
	exported := false
	export := func(obj types.Object, p pool) {
		f := &clientPool{Limit: p.Limit, What: p.What, Explicit: p.Explicit, SDK: p.SDK,
			From: pass.Pkg.Name() + "." + obj.Name()}
		if i := strings.Index(f.What, " (from "); i >= 0 {
			f.What, f.From = f.What[:i], strings.TrimSuffix(f.What[i+len(" (from "):], ")")
		}
		pass.ExportObjectFact(obj, f)
		if obj.Exported() && !exported {
			pass.ExportPackageFact(new(hasClientPools))
			exported = true
		}
	}
	fns := make([]*types.Func, 0, len(r.decls))
	for fn := range r.decls {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, fn := range fns {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil || sig.Results().Len() == 0 || !isPoolType(sig.Results().At(0).Type()) {
			continue
		}
		decl := r.decls[fn]
		if p, ok := r.returnsPool(decl, 0, &frame{fn: decl}, 0); ok {
			export(fn, p)
		}
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !isPoolType(v.Type()) {
			continue
		}
		if p, ok := r.varPool(v, nil, 0); ok {
			export(v, p)
		}
	}
}

// isPoolType reports whether values of t carry a pool we follow.
func isPoolType(t types.Type) bool {
	switch {
	case typesutil.IsNamedOrPointer(t, typesutil.NetHTTP, "Client", "Transport"),
		typesutil.IsNamed(t, typesutil.NetHTTP, "RoundTripper"),
		typesutil.IsNamed(t, awsPkg, "Config", "HTTPClient"),
		typesutil.IsPointerToNamed(t, awshttpPkg, "BuildableClient"):
		return true
	}
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && strings.HasPrefix(n.Obj().Pkg().Path(), awsSvcPrefix) && n.Obj().Name() == "Client"
}
