package clienttimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"path"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the clienttimeout analyzer with default settings.
var Analyzer = ignore.Filter(New())

// defaultAllow is the default -allow list: words that name streaming
// and protocol-upgrade code. Each matches whole CamelCase words of a
// name, case-insensitively ("watchEvents", "newSPDYExecutor",
// "Websocket"), never part of a word ("Watchdog", "Execute").
var defaultAllow = []string{
	"Watch", "Watcher", "Watchers", "Watching",
	"Stream", "Streams", "Streamer", "Streaming",
	"Upgrade", "Upgrader", "Upgrading",
	"Hijack", "Hijacker",
	"Attach", "Exec",
	"WebSocket", "SPDY",
	"Tail", "Tailing",
	"Subscribe", "Subscriber", "Subscription",
	"LongPoll", "LongPoller", "LongPolling",
	"SSE", "EventSource",
}

type config struct {
	tests         bool
	allow         string
	helpers       bool
	defaultClient bool
}

// setsTimeout is the fact that a function sets Timeout on the
// *http.Client passed as one of its parameters.
type setsTimeout struct {
	Params []string // parameter names, in order
	Index  []int
}

func (*setsTimeout) AFact() {}

func (f *setsTimeout) String() string {
	return "setsTimeout(" + strings.Join(f.Params, ", ") + ")"
}

// New returns a fresh clienttimeout analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "clienttimeout",
		Doc:       docs.MustExtract(doc, "clienttimeout"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/clienttimeout",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(setsTimeout)},
		Run:       cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files and in packages named fake or fakes")
	a.Flags.StringVar(&cfg.allow, "allow", strings.Join(defaultAllow, ","), "comma-separated glob patterns of variables, fields, struct types or functions whose clients stream and need no Timeout; a pattern matches a whole name or a run of its CamelCase words; \"default\" stands for the default list")
	a.Flags.BoolVar(&cfg.helpers, "helpers", true, "report http.Get, http.Head, http.Post and http.PostForm")
	a.Flags.BoolVar(&cfg.defaultClient, "defaultclient", true, "report uses of http.DefaultClient")
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	if !fieldflow.Relevant(pass, new(setsTimeout)) {
		return nil, nil
	}
	var allow []string
	for a := range strings.SplitSeq(cfg.allow, ",") {
		switch a = strings.TrimSpace(a); a {
		case "":
		case "default": // a keyword, so never a name
			allow = append(allow, defaultAllow...)
		default:
			allow = append(allow, a)
		}
	}

	info := pass.TypesInfo
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:    pass,
		Root:    insp.Root(),
		PkgPath: typesutil.NetHTTP,
		Name:    "Client",
		Imported: func(fn *types.Func, i int) []string {
			var f setsTimeout
			if pass.ImportObjectFact(fn, &f) {
				for _, j := range f.Index {
					if j == i {
						return []string{"Timeout"}
					}
				}
			}
			return nil
		},
	}
	// Only Timeout matters here: keep the summaries to it.
	for fn, params := range tr.Summarize() {
		f := new(setsTimeout)
		sig := fn.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			for _, name := range params[i] {
				if name == "Timeout" {
					f.Params = append(f.Params, sig.Params().At(i).Name())
					f.Index = append(f.Index, i)
				}
			}
		}
		if len(f.Index) > 0 && fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}

	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultClient itself
	}
	if !cfg.tests && isFakePackage(pass.Pkg) {
		return nil, nil // test doubles; the facts above still count
	}

	// Does the package give http.DefaultClient a timeout (in main or
	// init, say)? Then its uses here are fine.
	defaultClientTimed := false
	for cur := range insp.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && isDefaultClient(info, sel.X) && cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
			defaultClientTimed = true
		}
	}

	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil), (*ast.SelectorExpr)(nil)) {
		if !cfg.tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			tv, ok := info.Types[n]
			if !ok || !(tr.IsType(tv.Type) || n.Type == nil && tr.IsPtr(tv.Type)) {
				continue
			}
			if len(n.Elts) > 0 {
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
					continue
				}
			}
			c := &fieldflow.Construction{Kind: fieldflow.Literal, Expr: n, Lit: n}
			ecur := cur
			if cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				ecur = cur.Parent()
				c.Expr = ecur.Node().(ast.Expr)
			}
			cfg.check(pass, tr, c, ecur, allow)
		case *ast.CallExpr:
			if isNewOf(info, n, tr) {
				cfg.check(pass, tr, &fieldflow.Construction{Kind: fieldflow.New, Expr: n}, cur, allow)
				continue
			}
			fn := typesutil.Callee(info, n)
			if cfg.helpers && !defaultClientTimed && typesutil.IsFunc(fn, typesutil.NetHTTP, "Get", "Head", "Post", "PostForm") {
				if allowed(pass, nil, cur, allow) || chosenAlternative(pass, tr, cur) {
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos: n.Pos(), End: n.End(),
					Message: fmt.Sprintf("http.%s uses http.DefaultClient, which has no Timeout, so a stalled server blocks it forever; use an http.Client with a Timeout, or http.NewRequestWithContext with a deadline", fn.Name()),
				})
			}
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				continue
			}
			for i, id := range n.Names {
				v, _ := info.Defs[id].(*types.Var)
				if v == nil || id.Name == "_" || !tr.IsType(v.Type()) {
					continue
				}
				c := &fieldflow.Construction{Kind: fieldflow.ZeroVar, Expr: id}
				cfg.check(pass, tr, c, cur.ChildAt(edge.ValueSpec_Names, i), allow)
			}
		case *ast.SelectorExpr:
			if !cfg.defaultClient || defaultClientTimed || !isDefaultClient(info, n) {
				continue
			}
			if cfg.defaultClientUseOK(pass, cur) || allowed(pass, boundTo(cur), cur, allow) || chosenAlternative(pass, tr, cur) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: n.Pos(), End: n.End(),
				Message: "http.DefaultClient has no Timeout, so a stalled server blocks it forever; use an http.Client with a Timeout, or requests with a context deadline",
			})
		}
	}
	return nil, nil
}

// defaultClientUseOK reports whether the use of http.DefaultClient at
// cur is fine: a field read or write, a method that sends no request,
// or a Do whose request carries a deadline. Sending a request, or
// handing the client on, is not.
func (cfg *config) defaultClientUseOK(pass *analysis.Pass, cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.SelectorExpr_X {
		return false
	}
	sel := cur.Parent().Node().(*ast.SelectorExpr)
	switch sel.Sel.Name {
	case "Get", "Head", "Post", "PostForm":
		return false
	case "Do":
		if cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
		call := cur.Parent().Parent().Node().(*ast.CallExpr)
		return len(call.Args) == 1 && (hasDeadline(pass, cur, call.Args[0]) || isUpgrade(pass, cur, call.Args[0]))
	}
	return true // Timeout, Transport, CloseIdleConnections, ...
}

func isDefaultClient(info *types.Info, e ast.Expr) bool {
	v, ok := typesutil.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultClient" && typesutil.IsPackageLevel(v)
}

func isNewOf(info *types.Info, call *ast.CallExpr, tr *fieldflow.Tracker) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	return ok && tv.IsType() && tr.IsType(tv.Type)
}

// check follows one client construction and reports it when it has no
// Timeout.
func (cfg *config) check(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Construction, cur inspector.Cursor, allow []string) {
	tr.Follow(c, cur)
	if c.Set("Timeout") || c.Escaped {
		return // any Timeout written, even 0, is a decision
	}
	if allowed(pass, c.Path, cur, allow) || chosenAlternative(pass, tr, cur) {
		return
	}
	if c.Var != nil && c.Uses == 0 && len(c.Calls) > 0 && !typesutil.IsPackageLevel(c.Var) {
		// Every use is a Do whose request carries a deadline or asks
		// for a protocol upgrade.
		all := true
		for _, call := range c.Calls {
			sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if sel.Sel.Name == "CloseIdleConnections" {
				continue
			}
			if sel.Sel.Name != "Do" || len(call.Args) != 1 {
				all = false
				break
			}
			ccur, ok := enclosingFunc(cur)
			if !ok {
				all = false
				break
			}
			if dc, ok := ccur.FindNode(call); !ok || !hasDeadline(pass, dc, call.Args[0]) && !isUpgrade(pass, dc, call.Args[0]) {
				all = false
				break
			}
		}
		if all {
			return
		}
	}
	subject := "http.Client literal"
	switch c.Kind {
	case fieldflow.New:
		subject = "new(http.Client)"
	case fieldflow.ZeroVar:
		subject = "zero http.Client"
	}
	pass.Report(analysis.Diagnostic{
		Pos: c.Expr.Pos(), End: c.Expr.End(),
		Message: subject + " has no Timeout, so a stalled server blocks its requests forever; set Timeout, or write Timeout: 0 with a comment if the client streams",
	})
}

// allowed reports whether the client at cur is bound to a name or type
// in the allow-list: the variable or field path it is assigned to, the
// key it has in a struct literal, the struct type of that field, or
// the function it is built or used in and that function's receiver
// type.
func allowed(pass *analysis.Pass, bound ast.Expr, cur inspector.Cursor, allow []string) bool {
	if len(allow) == 0 {
		return false
	}
	var names []string
	addType := func(t types.Type) {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			names = append(names, n.Obj().Name(), n.Obj().Pkg().Name()+"."+n.Obj().Name(), n.Obj().Pkg().Path()+"."+n.Obj().Name())
		}
	}
	switch p := bound.(type) {
	case *ast.Ident:
		names = append(names, p.Name)
	case *ast.SelectorExpr:
		names = append(names, p.Sel.Name)
		if tv, ok := pass.TypesInfo.Types[p.X]; ok {
			addType(tv.Type)
		}
	}
	top := cur
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.KeyValueExpr_Value {
		kv := top.Parent().Node().(*ast.KeyValueExpr)
		if id, ok := kv.Key.(*ast.Ident); ok {
			names = append(names, id.Name)
		}
		if lit, ok := top.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if tv, ok := pass.TypesInfo.Types[lit]; ok {
				addType(tv.Type)
			}
		}
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		names = append(names, decl.Name.Name)
		if decl.Recv != nil && len(decl.Recv.List) == 1 {
			if tv, ok := pass.TypesInfo.Types[decl.Recv.List[0].Type]; ok {
				addType(tv.Type)
			}
		}
	}
	for _, pat := range allow {
		for _, n := range names {
			if matchName(pat, n) {
				return true
			}
		}
	}
	return false
}

// matchName reports whether the glob pattern pat matches name, or,
// for an identifier, a run of its CamelCase words (compared without
// case): "Watch" matches "Watch", "watchPods" and "PodWatch", not
// "Watchdog"; "WebSocket" matches "newWebsocketClient".
func matchName(pat, name string) bool {
	if ok, _ := path.Match(pat, name); ok {
		return true
	}
	if strings.ContainsAny(name, "./") {
		return false // pkg.Type and import/path.Type match whole only
	}
	lpat := strings.ToLower(pat)
	words := camelWords(name)
	for i := range words {
		run := ""
		for j := i; j < len(words); j++ {
			run += strings.ToLower(words[j])
			if ok, _ := path.Match(lpat, run); ok {
				return true
			}
		}
	}
	return false
}

// camelWords splits an identifier into its words: "newSPDYExecutor"
// gives new, SPDY, Executor; "watch_events2" gives watch, events2.
func camelWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	isUpper := func(r rune) bool { return unicode.IsUpper(r) }
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' {
			if start < i {
				words = append(words, string(rs[start:i]))
			}
			start = i + 1
			continue
		}
		if i > start && isUpper(rs[i]) {
			// aB: a new word at B. ABc: a new word at B (the acronym ends).
			if !isUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
				words = append(words, string(rs[start:i]))
				start = i
			}
		}
	}
	return words
}

// boundTo returns the variable or field path that the expression at
// cur is assigned to, or nil.
func boundTo(cur inspector.Cursor) ast.Expr {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			_, i := cur.ParentEdge()
			return as.Lhs[i]
		}
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			_, i := cur.ParentEdge()
			return vs.Names[i]
		}
	}
	return nil
}

// isUpgrade reports whether the request variable req, used at cur,
// asks for a protocol upgrade in the same function:
// req.Header.Set("Upgrade", ...) or req.Header.Set("Connection",
// "Upgrade") (or Add). The response to an upgrade is a connection that
// lives as long as the session, which a Timeout would cut.
func isUpgrade(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) bool {
	info := pass.TypesInfo
	fc, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || !typesutil.IsPointerToNamed(reqVar.Type(), typesutil.NetHTTP, "Request") {
		return false
	}
	str := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if len(call.Args) != 2 || !typesutil.IsMethod(typesutil.Callee(info, call), typesutil.NetHTTP, "Header", "Set", "Add") {
			continue
		}
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		hdr, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		if !ok || hdr.Sel.Name != "Header" || typesutil.ObjectOf(info, hdr.X) != reqVar {
			continue
		}
		key, ok := str(call.Args[0])
		if !ok {
			continue
		}
		switch textproto.CanonicalMIMEHeaderKey(key) {
		case "Upgrade":
			return true
		case "Connection":
			if v, ok := str(call.Args[1]); ok && strings.Contains(strings.ToLower(v), "upgrade") {
				return true
			}
		}
	}
	return false
}

// chosenAlternative reports whether the client at cur, which has no
// Timeout, is one arm of an if statement whose other arm builds a
// client with a Timeout from a non-constant value that the condition
// tests (the value itself, or a numeric variable or field in it):
//
//	if cfg.Timeout > 0 {
//		return &http.Client{Transport: t, Timeout: cfg.Timeout}
//	}
//	return &http.Client{Transport: t} // Timeout 0 is the configured choice
//
// The missing Timeout is then the configuration's decision, not an
// omission. The other arm is the else branch, or the rest of the block
// when the if branch ends in a return.
func chosenAlternative(pass *analysis.Pass, tr *fieldflow.Tracker, cur inspector.Cursor) bool {
	info := pass.TypesInfo
	fc, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	// The Timeout values set in the function, with where they are set.
	type timed struct {
		pos    token.Pos
		values []string // the value, and the numeric variables in it
	}
	var sets []timed
	add := func(n ast.Node, v ast.Expr) {
		if tv, ok := info.Types[v]; !ok || tv.Value != nil {
			return // a constant: a fixed choice, not configuration
		}
		t := timed{n.Pos(), []string{types.ExprString(ast.Unparen(v))}}
		// time.Duration(cfg.TimeoutSeconds) * time.Second: the
		// condition may test cfg.TimeoutSeconds.
		ast.Inspect(v, func(n ast.Node) bool {
			switch e := n.(type) {
			case *ast.Ident, *ast.SelectorExpr:
				tv, ok := info.Types[e.(ast.Expr)]
				if _, isVar := typesutil.ObjectOf(info, e.(ast.Expr)).(*types.Var); ok && isVar && tv.Value == nil {
					if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsNumeric != 0 {
						t.values = append(t.values, types.ExprString(e.(ast.Expr)))
					}
				}
			}
			return true
		})
		sets = append(sets, t)
	}
	for nc := range fc.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := nc.Node().(type) {
		case *ast.KeyValueExpr:
			id, ok := n.Key.(*ast.Ident)
			if !ok || id.Name != "Timeout" {
				continue
			}
			if lit, ok := nc.Parent().Node().(*ast.CompositeLit); ok {
				if tv, ok := info.Types[lit]; ok && (tr.IsType(tv.Type) || tr.IsPtr(tv.Type)) {
					add(n, n.Value)
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && tr.FieldOf(sel) == "Timeout" {
					add(n, n.Rhs[i])
				}
			}
		}
	}
	if len(sets) == 0 {
		return false
	}
	here := cur.Node().Pos()
	for ic := range fc.Preorder((*ast.IfStmt)(nil)) {
		is := ic.Node().(*ast.IfStmt)
		if is.Cond == nil || !(is.Pos() < here && here < ic.Parent().Node().End()) {
			continue
		}
		tested := make(map[string]bool)
		ast.Inspect(is.Cond, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				tested[types.ExprString(ast.Unparen(e))] = true
			}
			return true
		})
		// arm: 1 in the if branch, 2 in the else branch, 3 after
		// the if statement when the if branch returns.
		arm := func(p token.Pos) int {
			switch {
			case is.Body.Pos() <= p && p < is.Body.End():
				return 1
			case is.Else != nil && is.Else.Pos() <= p && p < is.Else.End():
				return 2
			case is.Else == nil && returns(is.Body) && is.End() <= p && p < ic.Parent().Node().End():
				return 3
			}
			return 0
		}
		a := arm(here)
		if a == 0 {
			continue
		}
		for _, s := range sets {
			if b := arm(s.pos); b == 0 || b == a || a != 1 && b != 1 {
				continue
			}
			for _, v := range s.values {
				if tested[v] {
					return true
				}
			}
		}
	}
	return false
}

// returns reports whether the block ends in a return statement.
func returns(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// isFakePackage reports whether pkg is named fake or fakes: by
// convention, test doubles for tests in other packages (such as
// k8s.io/client-go/rest/fake), whose clients talk to in-memory round
// trippers or test servers.
func isFakePackage(pkg *types.Package) bool {
	return pkg.Name() == "fake" || pkg.Name() == "fakes"
}

// hasDeadline reports whether the request expression req, used at cur,
// is a variable built in the same function by
// http.NewRequestWithContext from a context made there by
// context.WithTimeout or context.WithDeadline (or their Cause forms).
func hasDeadline(pass *analysis.Pass, cur inspector.Cursor, req ast.Expr) bool {
	info := pass.TypesInfo
	fc, ok := enclosingFunc(cur)
	if !ok {
		return false
	}
	reqVar, ok := typesutil.ObjectOf(info, req).(*types.Var)
	if !ok || typesutil.IsPackageLevel(reqVar) {
		return false
	}
	// The single definition of v in the function: v, ... := call(...)
	def := func(v *types.Var) *ast.CallExpr {
		var found *ast.CallExpr
		n := 0
		for ac := range fc.Preorder((*ast.AssignStmt)(nil)) {
			as := ac.Node().(*ast.AssignStmt)
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				n++
				if len(as.Rhs) == 1 && i == 0 {
					found, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				}
			}
		}
		if n != 1 {
			return nil
		}
		return found
	}
	mk := def(reqVar)
	if mk == nil || !typesutil.IsFunc(typesutil.Callee(info, mk), typesutil.NetHTTP, "NewRequestWithContext") || len(mk.Args) == 0 {
		return false
	}
	ctxVar, ok := typesutil.ObjectOf(info, mk.Args[0]).(*types.Var)
	if !ok {
		return false
	}
	mc := def(ctxVar)
	return mc != nil && typesutil.IsFunc(typesutil.Callee(info, mc), "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}
