package poolconfig

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

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

// Analyzer is the poolconfig analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests          bool
	defaults       bool
	idleTimeout    bool
	idlePerHost    bool
	minIdlePerHost int
	idleCap        bool
	keepAlives     bool
	http2          bool
	maxConns       bool
}

// configuresTransport is the fact that a function sets fields of the
// *http.Transport passed as one of its parameters.
type configuresTransport struct {
	Params []ParamFields
}

// ParamFields lists the http.Transport fields a function sets through
// one parameter.
type ParamFields struct {
	Index  int
	Name   string
	Fields []string
}

func (*configuresTransport) AFact() {}

func (f *configuresTransport) String() string {
	var b strings.Builder
	b.WriteString("configuresTransport(")
	for i, p := range f.Params {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %s", p.Name, strings.Join(p.Fields, ", "))
	}
	b.WriteString(")")
	return b.String()
}

// New returns a fresh poolconfig analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "poolconfig",
		Doc:       docs.MustExtract(doc, "poolconfig"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/poolconfig",
		Requires:  []*analysis.Analyzer{inspect.Analyzer},
		FactTypes: []analysis.Fact{new(configuresTransport)},
		Run:       cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	a.Flags.BoolVar(&cfg.defaults, "defaults", true, "report transports built from scratch that drop DefaultTransport's Proxy, dial timeout and TLS handshake timeout")
	a.Flags.BoolVar(&cfg.idleTimeout, "idle-timeout", true, "report transports built from scratch that leave IdleConnTimeout at 0")
	a.Flags.BoolVar(&cfg.idlePerHost, "idle-per-host", true, "report transports that leave MaxIdleConnsPerHost at its default of 2 or set it to 0 or less")
	a.Flags.IntVar(&cfg.minIdlePerHost, "min-idle-per-host", 0, "also report a constant MaxIdleConnsPerHost below this value (0: off)")
	a.Flags.BoolVar(&cfg.idleCap, "idle-cap", true, "report MaxIdleConnsPerHost larger than a non-zero MaxIdleConns")
	a.Flags.BoolVar(&cfg.keepAlives, "keepalives", true, "report DisableKeepAlives set to true")
	a.Flags.BoolVar(&cfg.http2, "http2", true, "report a custom TLSClientConfig, DialContext, Dial, DialTLSContext or DialTLS without ForceAttemptHTTP2")
	a.Flags.BoolVar(&cfg.maxConns, "maxconns", false, "report transports that leave MaxConnsPerHost unlimited")
	return a
}

const (
	defaultMaxIdleConns     = 100 // http.DefaultTransport.MaxIdleConns
	defaultIdleConnsPerHost = 2   // http.DefaultMaxIdleConnsPerHost
)

// base says what a construction starts from.
type base int

const (
	zeroBase    base = iota // a literal, new, or zero value
	defaultBase             // a Clone of http.DefaultTransport
)

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	if !fieldflow.Relevant(pass, new(configuresTransport)) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:    pass,
		Root:    insp.Root(),
		PkgPath: typesutil.NetHTTP,
		Name:    "Transport",
		Imported: func(fn *types.Func, i int) []string {
			var f configuresTransport
			if !pass.ImportObjectFact(fn, &f) {
				return nil
			}
			for _, p := range f.Params {
				if p.Index == i {
					return p.Fields
				}
			}
			return nil
		},
	}
	exportFacts(pass, tr.Summarize())
	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultTransport itself is the reference
	}

	consumed := make(map[ast.Node]bool)
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil)) {
		if !cfg.tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			tv, ok := pass.TypesInfo.Types[n]
			if !ok || !(tr.IsType(tv.Type) || n.Type == nil && tr.IsPtr(tv.Type)) {
				continue
			}
			if len(n.Elts) > 0 {
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
					continue // positional: every field is spelled out
				}
			}
			c := &fieldflow.Construction{Kind: fieldflow.Literal, Expr: n, Lit: n}
			ecur := cur
			if cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				ecur = cur.Parent()
				c.Expr = ecur.Node().(ast.Expr)
			}
			cfg.check(pass, tr, c, ecur, zeroBase, consumed)
		case *ast.CallExpr:
			if isNewOf(pass.TypesInfo, n, tr) {
				c := &fieldflow.Construction{Kind: fieldflow.New, Expr: n}
				cfg.check(pass, tr, c, cur, zeroBase, consumed)
			} else if isDefaultClone(pass.TypesInfo, n) {
				c := &fieldflow.Construction{Kind: fieldflow.Call, Expr: n}
				cfg.check(pass, tr, c, cur, defaultBase, consumed)
			}
		case *ast.ValueSpec:
			if len(n.Values) > 0 {
				continue
			}
			for i, id := range n.Names {
				v, _ := pass.TypesInfo.Defs[id].(*types.Var)
				if v == nil || id.Name == "_" || !tr.IsType(v.Type()) {
					continue
				}
				c := &fieldflow.Construction{Kind: fieldflow.ZeroVar, Expr: id}
				cfg.check(pass, tr, c, cur.ChildAt(edge.ValueSpec_Names, i), zeroBase, consumed)
			}
		}
	}

	// Explicit settings on transports we did not follow: a parameter,
	// a field, a clone of a transport configured elsewhere.
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if consumed[as] || len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
			continue
		}
		if !cfg.tests && passutil.IsTestFile(pass, as.Pos()) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			name := tr.FieldOf(sel)
			val := fieldflow.Const(pass.TypesInfo, as.Rhs[i])
			switch {
			case name == "DisableKeepAlives" && cfg.keepAlives && isTrue(val):
				pass.Report(analysis.Diagnostic{
					Pos: as.Pos(), End: as.End(),
					Message: "DisableKeepAlives set to true makes every request open a new connection; remove it so the transport reuses connections",
				})
			case name == "MaxIdleConnsPerHost" && cfg.idlePerHost:
				if msg, _ := cfg.perHostValue(val); msg != "" {
					pass.Report(analysis.Diagnostic{
						Pos: as.Pos(), End: as.End(),
						Message: "MaxIdleConnsPerHost " + msg + "; set it to the expected concurrency per host",
					})
				}
			}
		}
	}
	return nil, nil
}

func exportFacts(pass *analysis.Pass, sums map[*types.Func]map[int][]string) {
	for fn, params := range sums {
		if fn.Pkg() != pass.Pkg {
			continue
		}
		sig := fn.Type().(*types.Signature)
		f := new(configuresTransport)
		for i := range sig.Params().Len() {
			if fields := params[i]; len(fields) > 0 {
				f.Params = append(f.Params, ParamFields{Index: i, Name: sig.Params().At(i).Name(), Fields: fields})
			}
		}
		if len(f.Params) > 0 {
			pass.ExportObjectFact(fn, f)
		}
	}
}

// isNewOf reports whether call is new(http.Transport).
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

// isDefaultClone reports whether call is
// http.DefaultTransport.(*http.Transport).Clone().
func isDefaultClone(info *types.Info, call *ast.CallExpr) bool {
	fn := typesutil.Callee(info, call)
	if !typesutil.IsMethod(fn, typesutil.NetHTTP, "Transport", "Clone") {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	ta, ok := ast.Unparen(sel.X).(*ast.TypeAssertExpr)
	if !ok {
		return false
	}
	v, ok := typesutil.ObjectOf(info, ta.X).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultTransport"
}

func isTrue(v constant.Value) bool {
	return v != nil && v.Kind() == constant.Bool && constant.BoolVal(v)
}

func intOf(v constant.Value) (int64, bool) {
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// perHostValue describes what is wrong with a constant
// MaxIdleConnsPerHost: standalone as "set to 0 means 2", and as a
// clause of a construction's message. Both are "" when it is fine.
func (cfg *config) perHostValue(v constant.Value) (standalone, clause string) {
	n, ok := intOf(v)
	switch {
	case !ok:
		return "", ""
	case n == 0:
		return "set to 0 means 2, not unlimited", "sets MaxIdleConnsPerHost to 0, which means 2, not unlimited"
	case n < 0:
		return fmt.Sprintf("set to %d keeps no idle connections", n), fmt.Sprintf("sets MaxIdleConnsPerHost to %d, which keeps no idle connections", n)
	case n < int64(cfg.minIdlePerHost):
		return fmt.Sprintf("set to %d is below the minimum of %d", n, cfg.minIdlePerHost), fmt.Sprintf("sets MaxIdleConnsPerHost to %d, below the minimum of %d", n, cfg.minIdlePerHost)
	}
	return "", ""
}

// check follows one construction, reports what is wrong with it, and
// records the assignments it accounted for in consumed.
func (cfg *config) check(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Construction, cur inspector.Cursor, b base, consumed map[ast.Node]bool) {
	tr.Follow(c, cur)
	for _, fs := range c.Fields {
		for _, f := range fs {
			if as, ok := f.Node.(*ast.AssignStmt); ok {
				consumed[as] = true
			}
		}
	}
	info := pass.TypesInfo
	// set reports whether a field is set, and its constant value if known.
	val := func(name string) (constant.Value, bool) {
		f := c.Last(name)
		if f == nil {
			return nil, false
		}
		return fieldflow.Const(info, f.Value), true
	}
	omit := !c.Escaped // omissions only count when we saw everything

	var drops, leaves, sets []string
	var advice []string
	fromScratch := false

	if b == zeroBase && omit && cfg.defaults {
		if !c.Set("Proxy") {
			drops = append(drops, "Proxy")
		}
		if !c.Set("DialContext", "Dial", "DialTLSContext", "DialTLS") {
			drops = append(drops, "dial timeout")
		}
		if !c.Set("TLSHandshakeTimeout", "DialTLSContext", "DialTLS") {
			drops = append(drops, "TLS handshake timeout")
		}
		fromScratch = len(drops) > 0
	}
	if b == zeroBase && omit && cfg.idleTimeout && !c.Set("IdleConnTimeout") {
		leaves = append(leaves, "IdleConnTimeout at 0 (idle connections never close)")
		if !fromScratch {
			advice = append(advice, "set IdleConnTimeout (DefaultTransport uses 90s)")
		}
	}
	perHost, perHostSet := val("MaxIdleConnsPerHost")
	if cfg.idlePerHost {
		if !perHostSet {
			if omit {
				leaves = append(leaves, "MaxIdleConnsPerHost at 2")
				advice = append(advice, "set MaxIdleConnsPerHost to the expected concurrency per host")
			}
		} else if _, clause := cfg.perHostValue(perHost); clause != "" {
			sets = append(sets, clause)
			advice = append(advice, "set MaxIdleConnsPerHost to the expected concurrency per host")
		}
	}
	if cfg.maxConns && omit && !c.Set("MaxConnsPerHost") {
		leaves = append(leaves, "MaxConnsPerHost unlimited")
		advice = append(advice, "set MaxConnsPerHost to what the server can take")
	}
	if cfg.idleCap {
		p, pok := intOf(perHost)
		total, totalSet := val("MaxIdleConns")
		m, mok := intOf(total)
		if !totalSet && omit {
			m, mok = 0, true
			if b == defaultBase {
				m = defaultMaxIdleConns
			}
		}
		if pok && mok && m > 0 && p > m {
			from := ""
			if !totalSet {
				from = " (inherited from DefaultTransport)"
			}
			sets = append(sets, fmt.Sprintf("lets MaxIdleConns %d%s cap MaxIdleConnsPerHost %d", m, from, p))
			advice = append(advice, fmt.Sprintf("raise MaxIdleConns to at least %d", p))
		}
	}
	if cfg.keepAlives {
		if v, ok := val("DisableKeepAlives"); ok && isTrue(v) {
			sets = append(sets, "turns keep-alives off, so every request opens a new connection")
			advice = append(advice, "remove DisableKeepAlives")
		}
	}
	if cfg.http2 && b == zeroBase && omit && !c.Set("ForceAttemptHTTP2", "TLSNextProto", "Protocols") {
		var custom []string
		for _, name := range []string{"TLSClientConfig", "DialContext", "Dial", "DialTLSContext", "DialTLS"} {
			if f := c.Last(name); f != nil && !fieldflow.IsNil(info, f.Value) {
				custom = append(custom, name)
			}
		}
		if len(custom) > 0 {
			sets = append(sets, "sets a custom "+join(custom, "and")+" without ForceAttemptHTTP2, which turns HTTP/2 off")
			if !fromScratch {
				advice = append(advice, "set ForceAttemptHTTP2: true")
			}
		}
	}

	var problems []string
	if len(drops) > 0 {
		problems = append(problems, "drops DefaultTransport's defaults ("+strings.Join(drops, ", ")+")")
	}
	if len(leaves) > 0 {
		problems = append(problems, "leaves "+join(leaves, "and"))
	}
	problems = append(problems, sets...)
	if len(problems) == 0 {
		return
	}
	if fromScratch {
		advice = append([]string{"start from http.DefaultTransport.(*http.Transport).Clone()"}, advice...)
	}
	msg := subject(c, b) + " " + joinClauses(problems) + "; " + joinAdvice(advice)

	d := analysis.Diagnostic{Pos: c.Expr.Pos(), End: c.Expr.End(), Message: msg}
	if fromScratch {
		if fix, ok := cloneFix(pass, tr, c); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	pass.Report(d)
}

func subject(c *fieldflow.Construction, b base) string {
	switch {
	case b == defaultBase:
		return "http.Transport cloned from DefaultTransport"
	case c.Kind == fieldflow.New:
		return "new(http.Transport)"
	case c.Kind == fieldflow.ZeroVar:
		return "zero http.Transport"
	}
	return "http.Transport literal"
}

// join renders a, b and c.
func join(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// joinClauses joins whole clauses that may contain commas of their own.
func joinClauses(items []string) string {
	if len(items) <= 2 {
		return join(items, "and")
	}
	return strings.Join(items[:len(items)-1], "; ") + "; and " + items[len(items)-1]
}

func joinAdvice(items []string) string {
	seen := map[string]bool{}
	var out []string
	for _, a := range items {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	if len(out) > 2 {
		return strings.Join(out[:len(out)-1], ", ") + ", and " + out[len(out)-1]
	}
	return join(out, "and")
}

// cloneFix rewrites
//
//	t := &http.Transport{A: x, B: y}
//
// as
//
//	t := http.DefaultTransport.(*http.Transport).Clone()
//	t.A = x
//	t.B = y
//
// when the construction is a pointer bound by a statement of its own.
func cloneFix(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Construction) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	if c.Stmt == nil || c.Path == nil || (c.Kind != fieldflow.Literal && c.Kind != fieldflow.New) {
		return none, false
	}
	if c.Var != nil && !tr.IsPtr(c.Var.Type()) {
		return none, false
	}
	// The statement must stand on its own in a statement list.
	stmtCur := c.StmtCursor
	if _, ok := c.Stmt.(*ast.ValueSpec); ok {
		gd := stmtCur.Parent()
		if g, ok := gd.Node().(*ast.GenDecl); !ok || len(g.Specs) != 1 || gd.ParentEdgeKind() != edge.DeclStmt_Decl {
			return none, false
		}
		stmtCur = gd.Parent()
	}
	switch stmtCur.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return none, false
	}
	stmt := stmtCur.Node()

	// The package qualifier the file uses for net/http.
	var typExpr ast.Expr
	if c.Lit != nil {
		if u, ok := c.Expr.(*ast.UnaryExpr); !ok || u.Op != token.AND {
			return none, false
		}
		typExpr = c.Lit.Type
	} else {
		typExpr = c.Expr.(*ast.CallExpr).Args[0]
	}
	sel, ok := ast.Unparen(typExpr).(*ast.SelectorExpr)
	if !ok {
		return none, false
	}
	pkgID, ok := sel.X.(*ast.Ident)
	if !ok {
		return none, false
	}
	if pn, ok := pass.TypesInfo.Uses[pkgID].(*types.PkgName); !ok || pn.Imported().Path() != typesutil.NetHTTP {
		return none, false
	}
	qual := pkgID.Name

	// Adopting DefaultTransport's MaxIdleConns of 100 must not cap a
	// larger MaxIdleConnsPerHost.
	if !c.Set("MaxIdleConns") {
		if f := c.Last("MaxIdleConnsPerHost"); f != nil {
			if n, ok := intOf(fieldflow.Const(pass.TypesInfo, f.Value)); !ok || n > defaultMaxIdleConns {
				return none, false
			}
		}
	}

	tf := pass.Fset.File(stmt.Pos())
	if tf == nil {
		return none, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return none, false
	}
	off := func(p token.Pos) int { return tf.Offset(p) }
	line := func(p token.Pos) int { return tf.Line(p) }
	lineStart := off(stmt.Pos())
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	indent := string(src[lineStart:off(stmt.Pos())])
	if strings.TrimLeft(indent, " \t") != "" {
		return none, false // not first on its line
	}
	// Insert after the statement's line, keeping its trailing comment.
	eol := off(stmt.End())
	for eol < len(src) && src[eol] != '\n' {
		eol++
	}
	if rest := strings.TrimSpace(string(src[off(stmt.End()):eol])); rest != "" && !strings.HasPrefix(rest, "//") {
		return none, false
	}
	lhs := string(src[off(c.Path.Pos()):off(c.Path.End())])

	// Comments inside the literal move with the field they belong to:
	// one after the opening brace stays on the first line, one on a
	// field's last line trails its assignment, one on its own line
	// leads the next assignment. Anything else: no fix.
	var elts []*ast.KeyValueExpr
	if c.Lit != nil {
		for _, elt := range c.Lit.Elts {
			elts = append(elts, elt.(*ast.KeyValueExpr))
		}
	}
	first := ""
	leading := make([][]string, len(elts))
	trailing := make([]string, len(elts))
	if file := passutil.File(pass, stmt.Pos()); file != nil {
		for _, cg := range file.Comments {
			if cg.Pos() < c.Expr.Pos() || cg.End() > c.Expr.End() {
				continue
			}
			text := string(src[off(cg.Pos()):off(cg.End())])
			placed := false
			if line(cg.Pos()) == line(c.Expr.Pos()) && (len(elts) == 0 || line(elts[0].Pos()) > line(cg.Pos())) {
				first, placed = " "+text, true
			}
			for i, kv := range elts {
				if placed {
					break
				}
				switch {
				case cg.Pos() > kv.End() && line(cg.Pos()) == line(kv.End()):
					trailing[i], placed = " "+text, true
				case cg.End() < kv.Pos() && (i == 0 || cg.Pos() > elts[i-1].End()) && line(cg.End()) < line(kv.Pos()):
					leading[i], placed = append(leading[i], text), true
				}
			}
			if !placed || strings.Contains(text, "\n") {
				return none, false
			}
		}
	}

	var b strings.Builder
	for i, kv := range elts {
		for _, l := range leading[i] {
			fmt.Fprintf(&b, "\n%s%s", indent, l)
		}
		value := string(src[off(kv.Value.Pos()):off(kv.Value.End())])
		value = strings.ReplaceAll(value, "\n\t", "\n")
		fmt.Fprintf(&b, "\n%s%s.%s = %s%s", indent, lhs, kv.Key.(*ast.Ident).Name, value, trailing[i])
	}
	newExpr := qual + ".DefaultTransport.(*" + qual + ".Transport).Clone()"
	edits := []analysis.TextEdit{
		{Pos: c.Expr.Pos(), End: c.Expr.End(), NewText: []byte(newExpr)},
	}
	// A comment after the brace goes to the end of the first line.
	edits = append(edits, analysis.TextEdit{Pos: tf.Pos(eol), End: tf.Pos(eol), NewText: []byte(first + b.String())})
	return analysis.SuggestedFix{
		Message:   "Start from http.DefaultTransport.(*http.Transport).Clone()",
		TextEdits: edits,
	}, true
}
