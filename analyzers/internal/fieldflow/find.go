package fieldflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Constructions yields every construction of the tracked type under
// tr.Root, in source order, except those in files skip rejects (nil:
// none):
//
//   - a keyed or empty composite literal T{...}, reported as &T{...}
//     when it is the operand of &, or an elided *T literal in a slice
//     or map literal (a positional literal spells out every field, so
//     it is never yielded);
//   - new(T);
//   - var v T, with no value;
//   - x.Clone(), a method named Clone of the tracked type that returns
//     a pointer to it (Recv is x).
func (tr *Tracker) Constructions(skip func(pos token.Pos) bool) iter.Seq[Construction] {
	info := tr.Pass.TypesInfo
	return func(yield func(Construction) bool) {
		for cur := range tr.Root.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil)) {
			if skip != nil && skip(cur.Node().Pos()) {
				continue
			}
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				tv, ok := info.Types[n]
				if !ok || !(tr.IsType(tv.Type) || n.Type == nil && tr.IsPtr(tv.Type)) {
					continue
				}
				if len(n.Elts) > 0 {
					if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
						continue // positional: every field is spelled out
					}
				}
				c := Construction{Kind: Literal, Expr: n, Cursor: cur, Lit: n}
				if cur.ParentEdgeKind() == edge.UnaryExpr_X && cur.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
					c.Cursor = cur.Parent()
					c.Expr = c.Cursor.Node().(ast.Expr)
				}
				if !yield(c) {
					return
				}
			case *ast.CallExpr:
				var c Construction
				switch {
				case tr.IsNewOf(n):
					c = Construction{Kind: New, Expr: n, Cursor: cur}
				case tr.isClone(n):
					c = Construction{Kind: Call, Expr: n, Cursor: cur, Recv: ast.Unparen(n.Fun).(*ast.SelectorExpr).X}
				default:
					continue
				}
				if !yield(c) {
					return
				}
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					continue
				}
				for i, id := range n.Names {
					v, _ := info.Defs[id].(*types.Var)
					if v == nil || id.Name == "_" || !tr.IsType(v.Type()) {
						continue
					}
					if !yield(Construction{Kind: ZeroVar, Expr: id, Cursor: cur.ChildAt(edge.ValueSpec_Names, i)}) {
						return
					}
				}
			}
		}
	}
}

// IsNewOf reports whether call is new(T) of the tracked type.
func (tr *Tracker) IsNewOf(call *ast.CallExpr) bool {
	info := tr.Pass.TypesInfo
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	return ok && tv.IsType() && tr.IsType(tv.Type)
}

// isClone reports whether call is x.Clone() on the tracked type,
// returning a pointer to it.
func (tr *Tracker) isClone(call *ast.CallExpr) bool {
	fn := typesutil.Callee(tr.Pass.TypesInfo, call)
	if !typesutil.IsMethod(fn, tr.PkgPath, tr.Name, "Clone") {
		return false
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 1 && tr.IsPtr(res.At(0).Type())
}

// IsDefaultTransport reports whether e is
// http.DefaultTransport.(*http.Transport), the receiver of the Clone
// that starts from net/http's defaults.
func IsDefaultTransport(info *types.Info, e ast.Expr) bool {
	ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr)
	if !ok {
		return false
	}
	v, ok := typesutil.ObjectOf(info, ta.X).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "DefaultTransport"
}

// EnclosingFunc returns the innermost function declaration or literal
// around cur.
func EnclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return inspector.Cursor{}, false
}
