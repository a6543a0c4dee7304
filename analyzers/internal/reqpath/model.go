// Package reqpath is poollint's per-request model: it answers, for any
// point in a package, "does this code run once, or once per request?".
//
// The model has three parts:
//
//   - roots (roots.go): functions and literals whose body runs per
//     request: net/http and framework handlers, gRPC methods, Lambda
//     handlers; and loop bodies, which run per iteration;
//   - memoization and ownership (memo.go, flow.go): a value built under
//     sync.Once or a nil check, or kept in a field, global, map or
//     channel, is built once, not per request;
//   - builders (builders.go): a function that builds a value on every
//     call is a builder; calling one on a per-request path counts like
//     building the value there. Builders are found by a fixpoint over the
//     package and exported as facts by the analyzer that asks, so callers
//     in other packages see them.
//
// An analyzer built on the model (perrequest, awsclient) Requires
// [Analyzer] and supplies only a [Spec]: a table of [Pattern]s that say
// what a construction is (an http.Transport, an AWS client, ...), and
// its fact types. [Run] is its whole run; a match is a [Construction]
// value (what was built, its noun, its verb, its kind), and the model
// renders the diagnostic.
package reqpath

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer computes the per-request model of a package. Its result is
// a *Model. The model is built lazily, on the first question, so
// packages that a dependent analyzer skips cost nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "reqpath",
	Doc:        "computes which code of a package runs per request (poollint's per-request model)",
	URL:        "https://pkg.go.dev/github.com/poollint/poollint/analyzers/internal/reqpath",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeFor[*Model](),
	Run: func(pass *analysis.Pass) (any, error) {
		return &Model{pass: pass, insp: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)}, nil
	},
}

// Kind says why a root runs per request.
type Kind int

const (
	HTTPHandler      Kind = iota // func(http.ResponseWriter, *http.Request), ServeHTTP
	FrameworkHandler             // gin, echo, fiber, fasthttp
	GRPCMethod                   // a method of a registered gRPC service
	GRPCInterceptor              // a gRPC server interceptor
	LambdaHandler                // a function that reaches lambda.Start and friends
	RoundTripper                 // RoundTrip of an http.RoundTripper: once per outgoing request
	Reconciler                   // a controller-runtime Reconcile: once per reconcile request
	InformerHandler              // a client-go informer event handler: once per event
)

// A Root is a function or function literal whose body runs per request.
type Root struct {
	Kind      Kind
	Node      ast.Node // *ast.FuncDecl or *ast.FuncLit
	Name      string   // "Upload", "(*Server).Upload"; empty for a literal
	Framework string   // "gin", "echo", "fiber", "fasthttp" for FrameworkHandler
	Pattern   string   // the route pattern a literal was registered for, if known
}

// Describe renders the root for a message: "per request in handler
// Upload", "per Lambda invocation in handler HandleEvent".
func (r *Root) Describe() string {
	name := r.Name
	switch r.Kind {
	case HTTPHandler:
		switch {
		case name != "":
			return "per request in handler " + name
		case r.Pattern != "":
			return fmt.Sprintf("per request in the handler for %q", r.Pattern)
		}
		return "per request in an HTTP handler literal"
	case FrameworkHandler:
		if name == "" {
			return "per request in a " + r.Framework + " handler literal"
		}
		return "per request in " + r.Framework + " handler " + name
	case GRPCMethod:
		return "per call in gRPC method " + name
	case GRPCInterceptor:
		if name == "" {
			return "per call in a gRPC interceptor literal"
		}
		return "per call in gRPC interceptor " + name
	case LambdaHandler:
		if name == "" {
			return "per Lambda invocation in a handler literal"
		}
		return "per Lambda invocation in handler " + name
	case RoundTripper, Reconciler, InformerHandler:
		return describeContract(r)
	}
	return "per request"
}

// Explain says why the root runs per request, for related information:
// "(*Server).Upload is an HTTP handler: it runs once per request".
func (r *Root) Explain() string {
	name := r.Name
	if name == "" {
		name = "this literal"
	}
	switch r.Kind {
	case HTTPHandler:
		return name + " is an HTTP handler: it runs once per request"
	case FrameworkHandler:
		return name + " is a " + r.Framework + " handler: it runs once per request"
	case GRPCMethod:
		return name + " is a gRPC method: it runs once per call"
	case GRPCInterceptor:
		return name + " is a gRPC server interceptor: it runs once per call"
	case LambdaHandler:
		return name + " is a Lambda handler: it runs once per invocation"
	case RoundTripper, Reconciler, InformerHandler:
		return explainContract(r, name)
	}
	return name + " runs once per request"
}

// A Context says why a point runs per request: inside a root (possibly
// through closures and goroutines it starts), or in a loop body.
type Context struct {
	Root      *Root    // the root the point runs in, or nil
	Loop      ast.Stmt // the innermost loop, when Root is nil: *ast.ForStmt or *ast.RangeStmt
	Goroutine bool     // reached through a go statement inside Root
	// Call names the function whose every call builds and drops the
	// value, when the point runs neither in a root nor in a loop: "per
	// call of (*Client).get". CallDecl is its declaration.
	Call     string
	CallDecl *ast.FuncDecl
	CallRecv bool // Call is a method: advice points at a struct field
	// Scope is the node whose local variables die when the request (or
	// the iteration) ends: the root's function, or the loop body.
	Scope inspector.Cursor
}

// Describe renders the context for a message.
func (c Context) Describe() string {
	if c.Call != "" {
		return "per call of " + c.Call
	}
	if c.Root != nil {
		if c.Goroutine {
			return c.Root.Describe() + " (in a goroutine it starts)"
		}
		return c.Root.Describe()
	}
	return "per iteration of a loop"
}

// Related explains the context as related information: the handler
// that runs per request, or the loop that runs per iteration.
func (c Context) Related() []analysis.RelatedInformation {
	switch {
	case c.CallDecl != nil:
		return []analysis.RelatedInformation{{Pos: c.CallDecl.Name.Pos(),
			Message: c.Call + " builds a new one on every call and drops it when it returns"}}
	case c.Root != nil:
		return []analysis.RelatedInformation{{Pos: c.Root.Node.Pos(), Message: c.Root.Explain()}}
	case c.Loop != nil:
		return []analysis.RelatedInformation{{Pos: c.Loop.Pos(), Message: "this loop runs it on every iteration"}}
	}
	return nil
}

// Advice says where a value of kind k belongs instead: "build the
// client once before the loop and reuse it".
func (c Context) Advice(k PoolKind) string {
	it := k.object()
	switch {
	case c.Call != "" && c.CallRecv:
		return "build " + it + " once in the constructor, keep it in a struct field, and reuse it"
	case c.Call != "":
		return "build " + it + " once, outside " + c.Call + ", and reuse it"
	case c.Root == nil:
		return "build " + it + " once before the loop and reuse it"
	case c.Root.Kind == LambdaHandler:
		return "build " + it + " once at init, outside the handler, and reuse it"
	}
	return "build " + it + " once and reuse it"
}

// Model is the per-request model of one package.
type Model struct {
	pass *analysis.Pass
	insp *inspector.Inspector

	once  sync.Once
	roots map[ast.Node]*Root // key: *ast.FuncDecl or *ast.FuncLit

	onceOnce sync.Once
	onceSet  map[*types.Func]bool // functions that run at most once (see runOnce)

	declsOnce sync.Once
	decls     map[*types.Func]inspector.Cursor // function declarations with a body

	objOnce sync.Once
	objSet  map[*types.Func]bool // methods that run once per object (see perObject)
}

// funcDecls returns the package's function declarations with a body.
func (m *Model) funcDecls() map[*types.Func]inspector.Cursor {
	m.declsOnce.Do(func() {
		m.decls = make(map[*types.Func]inspector.Cursor)
		for cur := range m.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
			decl := cur.Node().(*ast.FuncDecl)
			if fn, ok := m.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
				m.decls[fn] = cur
			}
		}
	})
	return m.decls
}

// Pass returns the pass the model belongs to.
func (m *Model) Pass() *analysis.Pass { return m.pass }

// Roots returns the package's per-request roots.
func (m *Model) Roots() map[ast.Node]*Root {
	m.once.Do(func() { m.roots = findRoots(m.pass, m.insp) })
	return m.roots
}

// Where reports whether the code at cur runs per request, and why.
// It does not consider memoization; see [Model.Memoized].
func (m *Model) Where(cur inspector.Cursor) (Context, bool) {
	roots := m.Roots()
	var ctx Context
	goroutine := false
	child := cur
	for anc := range cur.Enclosing() {
		if anc == cur {
			continue
		}
		switch n := anc.Node().(type) {
		case *ast.ForStmt:
			if ctx.Loop == nil && child.ParentEdgeKind() == edge.ForStmt_Body {
				ctx.Loop, ctx.Scope = n, child
			}
		case *ast.RangeStmt:
			if ctx.Loop == nil && child.ParentEdgeKind() == edge.RangeStmt_Body {
				ctx.Loop, ctx.Scope = n, child
			}
		case *ast.FuncLit:
			if r := roots[n]; r != nil {
				return Context{Root: r, Goroutine: goroutine, Scope: anc}, true
			}
			if k := anc.ParentEdgeKind(); k == edge.CallExpr_Fun {
				if p, ok := anc.Parent().Parent().Node().(*ast.GoStmt); ok && p.Call.Fun == n {
					goroutine = true
				}
			}
		case *ast.FuncDecl:
			if r := roots[n]; r != nil {
				return Context{Root: r, Goroutine: goroutine, Scope: anc}, true
			}
			return ctx, ctx.Loop != nil
		}
		child = anc
	}
	return ctx, ctx.Loop != nil
}

// enclosingFunc returns the innermost *ast.FuncDecl or *ast.FuncLit
// around cur, and its cursor.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if anc != cur {
			return anc, true
		}
	}
	return inspector.Cursor{}, false
}

// enclosingDecl returns the top-level *ast.FuncDecl around cur.
func enclosingDecl(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	c, ok := enclosingDeclCursor(cur)
	if !ok {
		return nil, false
	}
	return c.Node().(*ast.FuncDecl), true
}

func enclosingDeclCursor(cur inspector.Cursor) (inspector.Cursor, bool) {
	for anc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return anc, true
	}
	return inspector.Cursor{}, false
}
