package clienttimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
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
	"github.com/poollint/poollint/analyzers/internal/reqbound"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the clienttimeout analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests         bool
	commands      bool
	allow         string
	helpers       bool
	defaultClient bool
}

// setsTimeout is the fact that a function sets Timeout on the
// *http.Client passed as one of its parameters.
type setsTimeout struct{ fieldflow.HelperSummary }

func (*setsTimeout) AFact()           {}
func (f *setsTimeout) String() string { return f.FormatParams("setsTimeout") }

func newFact() fieldflow.HelperFact { return new(setsTimeout) }

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
	a.Flags.BoolVar(&cfg.commands, "commands", false, "also report in run-once commands (package main code reached only from main or init) and example programs (a path element example, examples, _example or _examples)")
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	// Phase 1: the fast path and the helper summaries (Timeout only).
	if !fieldflow.Relevant(pass, new(setsTimeout)) {
		return nil, nil
	}
	allow := parseAllow(cfg.allow)
	info := pass.TypesInfo
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tr := &fieldflow.Tracker{
		Pass:     pass,
		Root:     insp.Root(),
		PkgPath:  typesutil.NetHTTP,
		Name:     "Client",
		Imported: fieldflow.ImportHelpers(pass, newFact),
	}
	fieldflow.ExportHelpers(pass, tr.Summarize(), func(field string) bool { return field == "Timeout" }, newFact)
	if pass.Pkg.Path() == typesutil.NetHTTP {
		return nil, nil // DefaultClient itself
	}
	if !cfg.tests && isFakePackage(pass.Pkg) {
		return nil, nil // test doubles; the facts above still count
	}
	skip := func(pos token.Pos) bool {
		return !cfg.tests && passutil.InTestCode(pass, pos)
	}

	env := &env{
		pass:       pass,
		tr:         tr,
		allow:      allow,
		places:     findPlaces(pass, insp.Root()),
		transports: findTransports(pass, insp.Root()),
		root:       insp.Root(),
	}

	// Phase 2: each client built here.
	for k := range tr.Constructions(skip) {
		if k.Kind != fieldflow.Call {
			cfg.check(env, tr.Follow(k))
		}
	}

	// Phase 3: http.DefaultClient, directly or through http.Get and
	// friends, unless the package gives it a timeout (in main or
	// init, say).
	if defaultClientTimed(pass, insp.Root()) {
		return nil, nil
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)) {
		if skip(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := typesutil.Callee(info, n)
			if !cfg.helpers || !typesutil.IsFunc(fn, typesutil.NetHTTP, "Get", "Head", "Post", "PostForm") {
				continue
			}
			if cfg.exemptPlace(env, cur) || allowed(pass, nil, cur, allow) || chosenAlternative(pass, tr, cur) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: n.Pos(), End: n.End(),
				Message: fmt.Sprintf("http.%s uses http.DefaultClient, which has no Timeout, so a stalled server blocks it forever%s; use an http.Client with a Timeout, or http.NewRequestWithContext with a deadline", fn.Name(), because(reqbound.CtxUnused(pass, cur, ""))),
			})
		case *ast.SelectorExpr:
			if !cfg.defaultClient || !isDefaultClient(info, n) {
				continue
			}
			ok, why := defaultClientUseOK(env, cur)
			if ok || cfg.exemptPlace(env, cur) || allowed(pass, boundTo(cur), cur, allow) || chosenAlternative(pass, tr, cur) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: n.Pos(), End: n.End(),
				Message: "http.DefaultClient has no Timeout, so a stalled server blocks it forever" + because(why) + "; use an http.Client with a Timeout, or requests with a context deadline",
			})
		}
	}
	return nil, nil
}

// because renders why a finding is true as a parenthesis, or "".
func because(why string) string {
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}

// env is what the checks of one package share.
type env struct {
	pass       *analysis.Pass
	tr         *fieldflow.Tracker
	allow      []string
	places     *places
	transports transports
	root       inspector.Cursor
}

// exemptPlace reports whether code at cur runs where a request is
// bounded without a client Timeout (a Lambda invocation, a function
// beside its Context sibling) or can be interrupted by its user (a
// run-once command or an example, unless -commands).
func (cfg *config) exemptPlace(env *env, cur inspector.Cursor) bool {
	return env.places.inLambda(cur) ||
		!cfg.commands && env.places.interruptible(cur) ||
		hasContextSibling(env.pass, cur)
}

func defaultClientTimed(pass *analysis.Pass, root inspector.Cursor) bool {
	for cur := range root.Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		if sel.Sel.Name == "Timeout" && isDefaultClient(pass.TypesInfo, sel.X) && cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return true
		}
	}
	return false
}

func isDefaultClient(info *types.Info, e ast.Expr) bool {
	v, ok := typesutil.ObjectOf(info, e).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultClient" && typesutil.IsPackageLevel(v)
}

// check reports a followed client construction when it has no Timeout
// and nothing else bounds its requests.
func (cfg *config) check(env *env, c *fieldflow.Flow) {
	pass := env.pass
	if c.Set("Timeout") {
		return // any Timeout written, even 0, is a decision
	}
	cur := c.Cursor
	store := fieldflow.Storage(pass.TypesInfo, c)
	pkgVar := c.Var != nil && typesutil.IsPackageLevel(c.Var)
	if c.Escaped && !pkgVar {
		return // fields may be set where we cannot see
	}
	if timedSibling(pass, c) || env.transports.boundAtTransport(pass, c) || callerTransport(pass, c) ||
		allowed(pass, c.Path, cur, env.allow) || chosenAlternative(pass, env.tr, cur) ||
		cfg.exemptPlace(env, cur) || nilDefault(pass, cur) || buildingBlock(pass, env.root, c) {
		return
	}
	why := ""
	var held reqbound.Verdict
	heldOK := false
	if store != nil && store.IsField() && store.Pkg() != pass.Pkg {
		// &auth.Client{Client: &http.Client{...}}: a field of another
		// package's type, judged by that type's calls here.
		held, heldOK = handedToSDK(pass, cur)
	}
	if heldOK {
		if held.OK {
			return
		}
		why = held.Why
	} else if store != nil {
		root := env.root
		if !typesutil.IsPackageLevel(store) && !store.IsField() {
			root, _ = fieldflow.EnclosingFunc(cur)
		}
		others := otherOwner(pass, root, c, store)
		v := reqbound.AllBoundedVerdict(pass, root, store, func(s inspector.Cursor) bool {
			return env.places.inLambda(s) || others(s)
		})
		ok, w := v.OK, v.Why
		if ok && v.Default != "" && store.Exported() && typesutil.IsPackageLevel(store) {
			// An exported package-level client is used directly by
			// other packages too: a context its callers may leave at
			// context.Background() is no bound for it (oauth2-proxy's
			// requests.DefaultHTTPClient).
			ok, w = false, v.Default
		}
		if ok {
			return // every request it sends is bounded
		}
		if c.Escaped {
			// A package-level client handed on: reported only when it
			// sends requests here, without a bound.
			if sends, _ := reqbound.Sends(pass, root, store); len(sends) == 0 {
				return
			}
		}
		why = w
	} else if c.Escaped {
		return
	} else if v, ok := handedToSDK(pass, cur); ok {
		if v.OK {
			return // every call of the SDK it is handed to is bounded
		}
		why = v.Why
	} else if v, ok := sentDirectly(pass, cur); ok {
		if v.OK {
			return // (&http.Client{}).Do(req) with a bounded request
		}
		why = v.Why
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
		Message: subject + " has no Timeout, so a stalled server blocks its requests forever" + because(why) + "; set Timeout, or write Timeout: 0 with a comment if the client streams",
	})
}

// handedToSDK judges a client built as the argument of an SDK
// constructor (github.NewClient(&http.Client{...})), or as a field of
// another package's struct literal whose methods take the request or
// its context (oras-go's &auth.Client{Client: &http.Client{...}}): its
// requests are those of the SDK's calls in the package (see
// [reqbound.SDK]).
func handedToSDK(pass *analysis.Pass, cur inspector.Cursor) (reqbound.Verdict, bool) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch cur.ParentEdgeKind() {
	case edge.CallExpr_Args:
		return reqbound.SDK(pass, cur.Parent())
	case edge.KeyValueExpr_Value:
		// &auth.Client{Client: &http.Client{...}}: the literal of
		// another package's type that holds it.
		lit := cur.Parent().Parent()
		if lit.ParentEdgeKind() == edge.UnaryExpr_X {
			lit = lit.Parent()
		}
		return reqbound.SDK(pass, lit)
	}
	return reqbound.Verdict{}, false
}

// sentDirectly judges a client built as the receiver of its one send:
// (&http.Client{}).Do(req).
func sentDirectly(pass *analysis.Pass, cur inspector.Cursor) (reqbound.Verdict, bool) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	if cur.ParentEdgeKind() != edge.SelectorExpr_X || cur.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
		return reqbound.Verdict{}, false
	}
	sel := cur.Parent().Node().(*ast.SelectorExpr)
	if !reqbound.IsSend(sel.Sel.Name) {
		return reqbound.Verdict{}, false
	}
	call := cur.Parent().Parent()
	return reqbound.Send(pass, call, call.Node().(*ast.CallExpr), sel.Sel.Name), true
}
