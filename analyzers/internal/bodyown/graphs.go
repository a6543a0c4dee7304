package bodyown

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// This file builds control-flow graphs with go/cfg, only for the
// functions that are searched (those that touch a response), instead
// of requiring ctrlflow, which builds one for every function of every
// package. What ctrlflow adds to go/cfg is knowing which calls never
// return; here that comes from the table of standard no-return
// functions, the panic builtin, and NeverReturns facts on functions that
// call them.

// NeverReturns is an object fact on a function that never returns to its
// caller: every path through it ends in panic, os.Exit, log.Fatal
// (noReturnFuncs) or a call to another such function.
type NeverReturns struct{}

// AFact implements analysis.Fact.
func (*NeverReturns) AFact() {}

func (*NeverReturns) String() string { return "neverReturns" }

// mayReturn reports whether call may return to its caller, for
// cfg.New: false for panic, the standard no-return functions and
// functions with a NeverReturns fact.
func (o *Owners) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := o.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn := typesutil.StaticCallee(o.info, call)
	if fn == nil {
		return true
	}
	return !matchAny(noReturnFuncs, fn) && !o.noReturn[fn]
}

// graph builds the control-flow graph of body.
func (o *Owners) graph(body *ast.BlockStmt) *cfg.CFG {
	return cfg.New(body, o.mayReturn)
}

// noReturnFacts finds the package's functions that never return. Only
// a function whose body calls a no-return function directly can be
// one, so only those get a graph: a cheap scan of the call statements
// of the package picks them, and a fixpoint follows wrappers of
// wrappers.
func noReturnFacts(pass *analysis.Pass, o *Owners) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	cands := map[*types.Func]*ast.FuncDecl{}
	var order []*types.Func
	scan := func() {
		for cur := range insp.Root().Preorder((*ast.ExprStmt)(nil)) {
			call, ok := ast.Unparen(cur.Node().(*ast.ExprStmt).X).(*ast.CallExpr)
			if !ok || o.mayReturn(call) {
				continue
			}
			for enc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				decl, ok := enc.Node().(*ast.FuncDecl)
				if !ok || decl.Body == nil {
					break // a literal's no-return call stops only the literal
				}
				fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if fn != nil && cands[fn] == nil && !o.noReturn[fn] {
					cands[fn] = decl
					order = append(order, fn)
				}
				break
			}
		}
	}
	for changed := true; changed; {
		changed = false
		scan()
		for _, fn := range order {
			decl := cands[fn]
			if decl == nil || o.noReturn[fn] {
				continue
			}
			if !hasLiveReturn(o.graph(decl.Body)) {
				o.noReturn[fn] = true
				pass.ExportObjectFact(fn, new(NeverReturns))
				changed = true
			}
			delete(cands, fn) // look again only if a new fact adds a call
		}
		order = order[:0]
	}
}

func hasLiveReturn(g *cfg.CFG) bool {
	for _, b := range g.Blocks {
		if b.Live && b.Return() != nil {
			return true
		}
	}
	return false
}
