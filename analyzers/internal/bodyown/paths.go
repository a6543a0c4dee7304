package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Cond returns the branch condition that ends b, if b ends in a
// two-way branch on a boolean expression.
func (f *Func) Cond(b *cfg.Block) ast.Expr {
	f.index()
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok || f.tags[e] != nil {
		return nil
	}
	switch b.Succs[0].Kind {
	case cfg.KindIfThen, cfg.KindForBody, cfg.KindSwitchCaseBody:
		return e
	}
	return nil
}

// Branch returns the condition on which b's two successors depend:
// Cond, or "tag == x" for a block that ends in the case expression x of
// a tagged switch (its first successor is that case's body).
func (f *Func) Branch(b *cfg.Block) ast.Expr {
	if c := f.Cond(b); c != nil {
		return c
	}
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	e, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok || f.tags[e] == nil {
		return nil
	}
	return &ast.BinaryExpr{X: f.tags[e], OpPos: e.Pos(), Op: token.EQL, Y: e}
}

// weak reports whether the edge out of b is taken only when no case of
// a switch matched: it leaves the switch, or enters its default case.
// Such a path is often one that earlier validation rules out, so the
// search names a leak there only when no other path leaks.
func weak(b *cfg.Block) bool {
	return b.Kind == cfg.KindSwitchNextCase && len(b.Nodes) == 0 && len(b.Succs) == 1
}

// Locate returns the block and index of a CFG node.
func (f *Func) Locate(n ast.Node) (*cfg.Block, int, bool) {
	f.index()
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
	f.index()
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

// Mentions reports whether n uses v.
func Mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
