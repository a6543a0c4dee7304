package reqbound

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A client handed to a third-party SDK: github.NewClient(hc) returns a
// *github.Client whose service methods (client.Actions.GetOrgSecret(ctx,
// ...)) send every request through hc under the context they are given.
// The SDK's calls in the package then say whether its requests are
// bounded: each takes the caller's context (a parameter, a request's,
// a deadline) or each does not. Keep reporting a client whose SDK calls
// pass context.Background() or context.TODO(), or call the
// context-free form of a method that has a Context sibling
// (CreateSession beside CreateSessionWithContext).

// sdkTypes returns the SDK types built by the call at cur, when it
// hands a client to a constructor from another package (not net/http,
// not the package being analysed) whose result is, or points to, a
// named struct type of that package with methods that take a
// context.Context, on itself or on the service types it holds in its
// fields (go-github's Client.Actions *ActionsService). The set holds
// the result type and those service types; nil when the call is no
// such constructor. A functional option of the same package counts as
// the constructor it is passed to: github.NewClient(
// github.WithHTTPClient(hc)), slack.New(token,
// slack.OptionHTTPClient(hc)).
//
// A composite literal of such a type (&auth.Client{Client: hc}, oras-go)
// counts as its constructor: the client is one of its fields.
func sdkTypes(pass *analysis.Pass, cur inspector.Cursor) map[*types.TypeName]bool {
	if lit := compositeLit(cur.Node()); lit != nil {
		n := namedStruct(pass.TypesInfo.TypeOf(lit))
		if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg() == pass.Pkg || n.Obj().Pkg().Path() == typesutil.NetHTTP {
			return nil
		}
		return sdkSet(n, n.Obj().Pkg())
	}
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := typesutil.StaticCallee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == pass.Pkg || fn.Pkg().Path() == typesutil.NetHTTP {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		return nil // a method: not a constructor
	}
	set := make(map[*types.TypeName]bool)
	for i := range sig.Results().Len() {
		if n := namedStruct(sig.Results().At(i).Type()); n != nil && n.Obj().Pkg() == fn.Pkg() {
			maps.Copy(set, sdkSet(n, fn.Pkg()))
		}
	}
	if len(set) > 0 {
		return set
	}
	// An option: its one result is a function of the same package,
	// passed straight to a constructor of that package.
	if sig.Results().Len() != 1 || cur.ParentEdgeKind() != edge.CallExpr_Args {
		return nil
	}
	opt, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	if !ok || opt.Obj().Pkg() != fn.Pkg() {
		return nil
	}
	if _, ok := opt.Underlying().(*types.Signature); !ok {
		return nil
	}
	outer := cur.Parent()
	if ofn := typesutil.StaticCallee(pass.TypesInfo, outer.Node().(*ast.CallExpr)); ofn == nil || ofn.Pkg() != fn.Pkg() {
		return nil
	}
	return sdkTypes(pass, outer)
}

// sdkSet returns the SDK types of the struct type n of package pkg:
// n and the struct types of pkg its fields hold, those with a method
// that takes a context or a request (see boundParam); nil if none.
func sdkSet(n *types.Named, pkg *types.Package) map[*types.TypeName]bool {
	set := map[*types.TypeName]bool{n.Obj(): true}
	st := n.Underlying().(*types.Struct)
	for j := range st.NumFields() {
		if f := namedStruct(st.Field(j).Type()); f != nil && f.Obj().Pkg() == pkg {
			set[f.Obj()] = true
		}
	}
	for tn := range set {
		if !hasCtxMethod(tn) {
			delete(set, tn)
		}
	}
	if len(set) == 0 {
		return nil
	}
	return set
}

// compositeLit returns the composite literal n is (T{...}) or takes
// the address of (&T{...}), or nil.
func compositeLit(n ast.Node) *ast.CompositeLit {
	if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
		n = ast.Unparen(u.X)
	}
	lit, _ := n.(*ast.CompositeLit)
	return lit
}

// sdkMethod reports whether a method with receiver type recv is one of
// the SDK's: declared on a type of the set, or on an interface that one
// of them implements (an application's repositoriesService interface
// over *github.RepositoriesService, called as
// g.client.GetRepositories().CreateStatus(ctx, ...)).
func sdkMethod(set map[*types.TypeName]bool, recv types.Type) bool {
	if n := namedStruct(recv); n != nil {
		return set[n.Obj()]
	}
	iface, ok := recv.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	for tn := range set {
		if types.Implements(types.NewPointer(tn.Type()), iface) {
			return true
		}
	}
	return false
}

// namedStruct returns the named struct type t is or points to, or nil.
func namedStruct(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// hasCtxMethod reports whether the type named tn has a method (on the
// value or the pointer) with a context.Context or *http.Request
// parameter (see boundParam).
func hasCtxMethod(tn *types.TypeName) bool {
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	for i := range ms.Len() {
		if boundParam(ms.At(i).Obj().(*types.Func)) >= 0 {
			return true
		}
	}
	return false
}

// boundParam returns the index of fn's first context.Context
// parameter, or else of its first *http.Request parameter (a wrapper's
// Do(req): oras-go's auth.Client sends the request it is given, under
// its context); -1 if there is neither.
func boundParam(fn *types.Func) int {
	if i := ctxParam(fn); i >= 0 {
		return i
	}
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if typesutil.IsPointerToNamed(sig.Params().At(i).Type(), typesutil.NetHTTP, "Request") {
			return i
		}
	}
	return -1
}

// ctxParam returns the index of fn's first context.Context parameter,
// or -1.
func ctxParam(fn *types.Func) int {
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if typesutil.IsNamed(sig.Params().At(i).Type(), "context", "Context") {
			return i
		}
	}
	return -1
}

// contextSibling reports whether the method fn has a sibling that
// takes a context: fn.Name()+"Context" or fn.Name()+"WithContext" on
// the same receiver type (the context-free form of a send).
func contextSibling(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	for _, name := range []string{fn.Name() + "Context", fn.Name() + "WithContext"} {
		obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), name)
		if m, ok := obj.(*types.Func); ok && ctxParam(m) >= 0 {
			return true
		}
	}
	return false
}

// SDK judges the requests of a client handed to the SDK constructor
// (or option, or composite literal, see sdkTypes) at cur: bounded when
// the package makes at least one call of a method of the SDK's types
// outside test files and every such call passes a bounded context
// ([Context]) or request ([Request]). A method without a context
// parameter sends nothing we can tell, unless it has a Context sibling:
// then it is the context-free form of a send, and unbounded. ok is
// false when call is no SDK constructor.
func SDK(pass *analysis.Pass, cur inspector.Cursor) (v Verdict, ok bool) {
	set := sdkTypes(pass, cur)
	if set == nil {
		return Verdict{}, false
	}
	n := 0
	for cc := range cur.Inspector().Root().Preorder((*ast.CallExpr)(nil)) {
		c := cc.Node().(*ast.CallExpr)
		if passutil.IsTestFile(pass, c.Pos()) {
			continue // tests call the SDK against fakes
		}
		fn := typesutil.Callee(pass.TypesInfo, c)
		if fn == nil {
			continue
		}
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			continue
		}
		if !sdkMethod(set, recv.Type()) {
			continue
		}
		i := boundParam(fn)
		if i < 0 {
			if contextSibling(fn) {
				return Verdict{Why: CtxUnused(pass, cc, fn.Name()+" takes no context")}, true
			}
			continue
		}
		if i >= len(c.Args) {
			return Verdict{}, true
		}
		var b Verdict
		if ctxParam(fn) == i {
			b = Context(pass, cc, c.Args[i], 0)
		} else {
			b = Request(pass, cc, c.Args[i])
		}
		if !b.OK {
			return b, true
		}
		v.keep(b)
		n++
	}
	v.OK = n > 0
	return v, true
}
