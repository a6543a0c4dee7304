package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
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
	CFG   *cfg.CFG
	Sig   *types.Signature // nil if unknown
	Scope *types.Scope     // the function's scope, for Find

	tagged map[ast.Expr]bool // case expressions of tagged switches
	conts  []*ast.BranchStmt // continue and goto statements
	nodes  []token.Pos       // positions of all CFG nodes, for Jump
	loc    map[ast.Node]loc
}

type loc struct {
	b *cfg.Block
	i int
}

// Funcs yields every function and literal with a body and a
// control-flow graph, skipping _test.go files unless tests is set. The
// pass must come from an analyzer that requires inspect and ctrlflow.
func Funcs(pass *analysis.Pass, tests bool) iter.Seq[*Func] {
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	return func(yield func(*Func) bool) {
		for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if !tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
				continue
			}
			var (
				body  *ast.BlockStmt
				g     *cfg.CFG
				sig   *types.Signature
				ftype *ast.FuncType
			)
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					continue
				}
				body, ftype, g = n.Body, n.Type, cfgs.FuncDecl(n)
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					sig = fn.Type().(*types.Signature)
				}
			case *ast.FuncLit:
				body, ftype, g = n.Body, n.Type, cfgs.FuncLit(n)
				sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
			}
			if g == nil || body == nil {
				continue
			}
			if !yield(NewFunc(pass.TypesInfo, body, g, sig, pass.TypesInfo.Scopes[ftype])) {
				return
			}
		}
	}
}

// NewFunc prepares body, whose graph is g, for searches.
func NewFunc(info *types.Info, body *ast.BlockStmt, g *cfg.CFG, sig *types.Signature, scope *types.Scope) *Func {
	return &Func{Info: info, Body: body, CFG: g, Sig: sig, Scope: scope}
}

// index builds the node index on first use: most functions have no
// response and are never searched.
func (f *Func) index() {
	if f.loc != nil {
		return
	}
	f.tagged, f.loc = map[ast.Expr]bool{}, map[ast.Node]loc{}
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cc := range n.Body.List {
					for _, e := range cc.(*ast.CaseClause).List {
						f.tagged[e] = true
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
	for _, b := range f.CFG.Blocks {
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
