package bodyown

import (
	"go/ast"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/passutil"
)

// A FuncBody is one function or function literal of the package, with
// what the body checkers need to search it.
type FuncBody struct {
	Body  *ast.BlockStmt
	CFG   *cfg.CFG
	Sig   *types.Signature // nil if unknown
	Scope *types.Scope     // the function's scope, for Find
}

// FuncBodies yields every function and literal with a body and a
// control-flow graph, skipping _test.go files unless tests is set. The
// pass must come from an analyzer that requires inspect and ctrlflow.
func FuncBodies(pass *analysis.Pass, tests bool) iter.Seq[FuncBody] {
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	return func(yield func(FuncBody) bool) {
		for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if !tests && passutil.IsTestFile(pass, cur.Node().Pos()) {
				continue
			}
			var (
				fb    FuncBody
				ftype *ast.FuncType
			)
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					continue
				}
				fb.Body, ftype, fb.CFG = n.Body, n.Type, cfgs.FuncDecl(n)
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					fb.Sig = fn.Type().(*types.Signature)
				}
			case *ast.FuncLit:
				fb.Body, ftype, fb.CFG = n.Body, n.Type, cfgs.FuncLit(n)
				fb.Sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
			}
			if fb.CFG == nil || fb.Body == nil {
				continue
			}
			fb.Scope = pass.TypesInfo.Scopes[ftype]
			if !yield(fb) {
				return
			}
		}
	}
}
