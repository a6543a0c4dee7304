package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/passutil"
)

// A Func is one function or function literal of the package, with what
// the body checkers need to search it: its body, signature and scope,
// and its control-flow graph with an index of its nodes.
type Func struct {
	Info  *types.Info
	Body  *ast.BlockStmt
	Sig   *types.Signature // nil if unknown
	Scope *types.Scope     // the function's scope, for Find

	o      *Owners
	build  func(*ast.BlockStmt) *cfg.CFG
	g      *cfg.CFG
	tags   map[ast.Expr]ast.Expr    // case expression of a tagged switch -> its tag
	flags  map[*types.Var]uint      // local booleans the search tracks (flags.go)
	flagIn map[*cfg.Block]flagState // what every path knows of them at each block's entry
	conts  []*ast.BranchStmt        // continue and goto statements
	nodes  []token.Pos              // positions of all CFG nodes, for Jump
	loc    map[ast.Node]loc
}

type loc struct {
	b *cfg.Block
	i int
}

// Funcs yields every function and literal with a body, skipping
// _test.go files unless tests is set. A Func's graph is built only when
// it is searched: most functions never touch a response.
func (o *Owners) Funcs(pass *analysis.Pass, tests bool) iter.Seq[*Func] {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	return func(yield func(*Func) bool) {
		var helperEnd token.Pos // the end of the test helper being skipped
		for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if !tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
				continue
			}
			if cur.Node().Pos() < helperEnd {
				continue // a literal inside a test helper
			}
			if decl, ok := cur.Node().(*ast.FuncDecl); ok && !tests && passutil.IsTestHelper(pass.TypesInfo, decl) {
				helperEnd = decl.End()
				continue
			}
			f := &Func{Info: pass.TypesInfo, build: o.graph, o: o}
			var ftype *ast.FuncType
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				f.Body, ftype = n.Body, n.Type
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					f.Sig = fn.Signature()
				}
			case *ast.FuncLit:
				f.Body, ftype = n.Body, n.Type
				f.Sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
			}
			if f.Body == nil {
				continue
			}
			f.Scope = pass.TypesInfo.Scopes[ftype]
			if !yield(f) {
				return
			}
		}
	}
}

// CFG returns the function's control-flow graph, built on first use.
func (f *Func) CFG() *cfg.CFG {
	if f.g == nil {
		f.g = f.build(f.Body)
	}
	return f.g
}

// index builds the node index on first use: most functions have no
// response and are never searched.
func (f *Func) index() {
	if f.loc != nil {
		return
	}
	f.tags, f.loc = map[ast.Expr]ast.Expr{}, map[ast.Node]loc{}
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cc := range n.Body.List {
					for _, e := range cc.(*ast.CaseClause).List {
						f.tags[e] = n.Tag
					}
				}
			}
		case *ast.BranchStmt:
			if n.Tok == token.CONTINUE || n.Tok == token.GOTO {
				f.conts = append(f.conts, n)
			}
		}
		return true
	})
	f.flags = flagVars(f.Info, f.Body)
	for _, b := range f.CFG().Blocks {
		for i, n := range b.Nodes {
			f.loc[n] = loc{b, i}
			f.nodes = append(f.nodes, n.Pos())
		}
	}
}

// Defs returns the response definitions and discards directly in the
// function's body (see Find).
func (f *Func) Defs() ([]Def, []Discard) {
	return Find(f.Info, f.Body, f.Scope)
}
