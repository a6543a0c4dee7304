package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// HeadResponse is an object fact on a function that returns
// *http.Response: every response it returns (or nil) answers a HEAD
// request it sent (go-containerregistry's fetcher.headBlob). Such a
// response has no body (http.NoBody), and its connection went back to
// the pool when the headers were read: a caller has nothing to close
// or drain.
type HeadResponse struct{}

// AFact implements analysis.Fact.
func (*HeadResponse) AFact() {}

func (*HeadResponse) String() string { return "headResponse" }

// Head reports whether call sends a HEAD request: IsHead, or a callee
// with a HeadResponse fact.
func (o *Owners) Head(body ast.Node, call *ast.CallExpr) bool {
	if fn := typesutil.Callee(o.info, call); fn != nil && o.head[fn.Origin()] {
		return true
	}
	return IsHead(o.info, body, call)
}

// headFacts computes the package's HeadResponse facts: a fixpoint, since
// helpers call helpers.
func headFacts(pass *analysis.Pass, o *Owners) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	type cand struct {
		fn   *types.Func
		decl *ast.FuncDecl
	}
	var cands []cand
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if decl.Body == nil || fn == nil || !returnsResponseSig(fn.Signature()) || o.noOpen[fn] != nil {
			continue
		}
		cands = append(cands, cand{fn, decl})
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			if !o.head[c.fn] && o.returnsHead(c.decl, c.fn.Signature()) {
				o.head[c.fn] = true
				changed = true
			}
		}
	}
	for _, c := range cands {
		if o.head[c.fn] {
			pass.ExportObjectFact(c.fn, new(HeadResponse))
		}
	}
}

// returnsHead reports whether every response decl returns is nil, a
// HEAD call, or a local variable every assignment of which is one.
func (o *Owners) returnsHead(decl *ast.FuncDecl, sig *types.Signature) bool {
	info := o.info
	fn := info.Defs[decl.Name].(*types.Func)
	scope := info.Scopes[decl.Type]
	defs, _ := Find(info, decl.Body, scope)
	varOK := map[*types.Var]bool{}
	headVar := func(v *types.Var) bool {
		if ok, done := varOK[v]; done {
			return ok
		}
		n, heads := 0, 0
		for _, d := range defs {
			if d.Var == v {
				n++
				if o.Head(decl.Body, d.Call) {
					heads++
				}
			}
		}
		// Every assignment to v is one of those definitions.
		assigns := 0
		ast.Inspect(decl.Body, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				if Assigns(info, m, v) {
					assigns++
				}
			case *ast.UnaryExpr:
				if m.Op == token.AND && Mentions(info, m.X, v) {
					assigns += 100 // its address escapes
				}
			}
			return true
		})
		ok := n > 0 && heads == n && assigns == n
		varOK[v] = ok
		return ok
	}
	idx := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if IsResponse(sig.Results().At(i).Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	returns, ok := 0, true
	ast.Inspect(decl.Body, func(m ast.Node) bool {
		if !ok {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			var e ast.Expr
			switch {
			case len(m.Results) == sig.Results().Len():
				e = m.Results[idx]
			case len(m.Results) == 1:
				e = m.Results[0] // return f(...): the call itself
			default:
				ok = false // a naked return
				return false
			}
			e = ast.Unparen(e)
			switch x := e.(type) {
			case *ast.Ident:
				if info.Uses[x] == types.Universe.Lookup("nil") {
					return true
				}
				v, isVar := info.Uses[x].(*types.Var)
				ok = isVar && v.Pos() >= decl.Body.Pos() && v.Pos() < decl.Body.End() && headVar(v)
			case *ast.CallExpr:
				if callee := typesutil.Callee(info, x); callee != nil && callee.Origin() == fn {
					ok = false // recursion: not worth following
				} else {
					ok = o.Head(decl.Body, x)
				}
			default:
				ok = false
			}
		}
		return ok
	})
	return ok && returns > 0
}
