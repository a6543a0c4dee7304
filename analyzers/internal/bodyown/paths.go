package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Func is one function body with its CFG, ready for path searches.
type Func struct {
	Info   *types.Info
	Body   *ast.BlockStmt
	CFG    *cfg.CFG
	Sig    *types.Signature
	tagged map[ast.Expr]bool // case expressions of tagged switches
	conts  []*ast.BranchStmt // continue and goto statements
	nodes  []token.Pos       // positions of all CFG nodes, for Related
	loc    map[ast.Node]loc
}

type loc struct {
	b *cfg.Block
	i int
}

// NewFunc prepares body for searches.
func NewFunc(info *types.Info, body *ast.BlockStmt, g *cfg.CFG, sig *types.Signature) *Func {
	f := &Func{Info: info, Body: body, CFG: g, Sig: sig, tagged: map[ast.Expr]bool{}, loc: map[ast.Node]loc{}}
	ast.Inspect(body, func(n ast.Node) bool {
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
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			f.loc[n] = loc{b, i}
			f.nodes = append(f.nodes, n.Pos())
		}
	}
	return f
}

// Cond returns the branch condition that ends b, if b ends in a
// two-way branch on a boolean expression.
func (f *Func) Cond(b *cfg.Block) ast.Expr {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok || f.tagged[e] {
		return nil
	}
	switch b.Succs[0].Kind {
	case cfg.KindIfThen, cfg.KindForBody, cfg.KindSwitchCaseBody:
		return e
	}
	return nil
}

// Locate returns the block and index of a CFG node.
func (f *Func) Locate(n ast.Node) (*cfg.Block, int, bool) {
	l, ok := f.loc[n]
	return l.b, l.i, ok
}

// IsImplicitReturn reports whether ret is the return that go/cfg
// materialises at the closing brace.
func (f *Func) IsImplicitReturn(ret *ast.ReturnStmt) bool {
	return ret.Return == f.Body.Rbrace
}

// NakedReturnHands reports whether a naked return hands v to the caller
// (v is a named result).
func (f *Func) NakedReturnHands(ret *ast.ReturnStmt, v *types.Var) bool {
	if ret.Results != nil || f.Sig == nil || f.IsImplicitReturn(ret) && f.Sig.Results().Len() == 0 {
		return false
	}
	for r := range f.Sig.Results().Variables() {
		if r == v {
			return true
		}
	}
	return false
}

// Assigns reports whether node n assigns to v.
func Assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	if v == nil {
		return false
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, id := range n.Names {
			if info.Defs[id] == v {
				return true
			}
		}
	}
	return false
}

// Jump returns the continue or goto statement that ends block b, if
// any: one that lies inside b's statement with no CFG node between the
// end of b's last node (or the start of b's region) and itself.
func (f *Func) Jump(b *cfg.Block) ast.Node {
	if b.Stmt == nil || len(b.Succs) != 1 {
		return nil
	}
	after := b.Stmt.Pos()
	switch st := b.Stmt.(type) {
	case *ast.IfStmt:
		if b.Kind == cfg.KindIfElse && st.Else != nil {
			after = st.Else.Pos()
		} else if b.Kind == cfg.KindIfThen {
			after = st.Body.Lbrace
		} else {
			return nil
		}
	case *ast.CaseClause:
		after = st.Colon
	case *ast.CommClause:
		after = st.Colon
	case *ast.ForStmt:
		if b.Kind != cfg.KindForBody {
			return nil
		}
		after = st.Body.Lbrace
	case *ast.RangeStmt:
		if b.Kind != cfg.KindRangeBody {
			return nil
		}
		after = st.Body.Lbrace
	}
	if len(b.Nodes) > 0 {
		after = b.Nodes[len(b.Nodes)-1].End()
	}
	for _, c := range f.conts {
		if c.Pos() < after || c.End() > b.Stmt.End() {
			continue
		}
		between := false
		for _, p := range f.nodes {
			if p >= after && p < c.Pos() {
				between = true
				break
			}
		}
		if !between {
			return c
		}
	}
	return nil
}

// NoReturn reports whether n is a statement that calls a standard
// library function that never returns: os.Exit, log.Fatal and
// log.Panic (and their Logger methods), runtime.Goexit, and testing's
// FailNow, Fatal and Skip families. A path that reaches one ends there:
// the process or goroutine is gone, and nothing leaks.
//
// ctrlflow learns the same from facts on the standard library, but
// poollint does not compute facts for the standard library under go
// vet (see cmd/poollint), so the body checkers know these by name and
// give the same answer under every driver.
func NoReturn(info *types.Info, n ast.Node) bool {
	es, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typesutil.StaticCallee(info, call)
	return typesutil.IsFunc(fn, "os", "Exit") ||
		typesutil.IsFunc(fn, "runtime", "Goexit") ||
		typesutil.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		typesutil.IsMethod(fn, "log", "Logger", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		typesutil.IsMethod(fn, "testing", "common", "FailNow", "Fatal", "Fatalf", "Skip", "Skipf", "SkipNow")
}
