package poolconfig

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// cloneFix rewrites
//
//	t := &http.Transport{A: x, B: y}
//
// as
//
//	t := http.DefaultTransport.(*http.Transport).Clone()
//	t.A = x
//	t.B = y
//
// when the construction is a pointer bound by a statement of its own.
func cloneFix(pass *analysis.Pass, tr *fieldflow.Tracker, c *fieldflow.Flow) (analysis.SuggestedFix, bool) {
	var none analysis.SuggestedFix
	if c.Stmt == nil || c.Path == nil || (c.Kind != fieldflow.Literal && c.Kind != fieldflow.New) {
		return none, false
	}
	if c.Var != nil && !tr.IsPtr(c.Var.Type()) {
		return none, false
	}
	// The statement must stand on its own in a statement list.
	stmtCur := c.StmtCursor
	if _, ok := c.Stmt.(*ast.ValueSpec); ok {
		gd := stmtCur.Parent()
		if g, ok := gd.Node().(*ast.GenDecl); !ok || len(g.Specs) != 1 || gd.ParentEdgeKind() != edge.DeclStmt_Decl {
			return none, false
		}
		stmtCur = gd.Parent()
	}
	switch stmtCur.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return none, false
	}
	stmt := stmtCur.Node()

	// The package qualifier the file uses for net/http.
	var typExpr ast.Expr
	if c.Lit != nil {
		if u, ok := c.Expr.(*ast.UnaryExpr); !ok || u.Op != token.AND {
			return none, false
		}
		typExpr = c.Lit.Type
	} else {
		typExpr = c.Expr.(*ast.CallExpr).Args[0]
	}
	sel, ok := ast.Unparen(typExpr).(*ast.SelectorExpr)
	if !ok {
		return none, false
	}
	pkgID, ok := sel.X.(*ast.Ident)
	if !ok {
		return none, false
	}
	if pn, ok := pass.TypesInfo.Uses[pkgID].(*types.PkgName); !ok || pn.Imported().Path() != typesutil.NetHTTP {
		return none, false
	}
	qual := pkgID.Name

	// Adopting DefaultTransport's MaxIdleConns of 100 must not cap a
	// larger MaxIdleConnsPerHost.
	if !c.Set("MaxIdleConns") {
		if f := c.Last("MaxIdleConnsPerHost"); f != nil {
			if n, ok := intOf(fieldflow.Const(pass.TypesInfo, f.Value)); !ok || n > defaultMaxIdleConns {
				return none, false
			}
		}
	}

	tf := pass.Fset.File(stmt.Pos())
	if tf == nil {
		return none, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return none, false
	}
	off := func(p token.Pos) int { return tf.Offset(p) }
	line := func(p token.Pos) int { return tf.Line(p) }
	lineStart := off(stmt.Pos())
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	indent := string(src[lineStart:off(stmt.Pos())])
	if strings.TrimLeft(indent, " \t") != "" {
		return none, false // not first on its line
	}
	// Insert after the statement's line, keeping its trailing comment.
	eol := off(stmt.End())
	for eol < len(src) && src[eol] != '\n' {
		eol++
	}
	if rest := strings.TrimSpace(string(src[off(stmt.End()):eol])); rest != "" && !strings.HasPrefix(rest, "//") {
		return none, false
	}
	lhs := string(src[off(c.Path.Pos()):off(c.Path.End())])

	// Comments inside the literal move with the field they belong to:
	// one after the opening brace stays on the first line, one on a
	// field's last line trails its assignment, one on its own line
	// leads the next assignment. Anything else: no fix.
	var elts []*ast.KeyValueExpr
	if c.Lit != nil {
		for _, elt := range c.Lit.Elts {
			elts = append(elts, elt.(*ast.KeyValueExpr))
		}
	}
	first := ""
	leading := make([][]string, len(elts))
	trailing := make([]string, len(elts))
	if file := passutil.File(pass, stmt.Pos()); file != nil {
		for _, cg := range file.Comments {
			if cg.Pos() < c.Expr.Pos() || cg.End() > c.Expr.End() {
				continue
			}
			text := string(src[off(cg.Pos()):off(cg.End())])
			placed := false
			if line(cg.Pos()) == line(c.Expr.Pos()) && (len(elts) == 0 || line(elts[0].Pos()) > line(cg.Pos())) {
				first, placed = " "+text, true
			}
			for i, kv := range elts {
				if placed {
					break
				}
				switch {
				case cg.Pos() > kv.End() && line(cg.Pos()) == line(kv.End()):
					trailing[i], placed = " "+text, true
				case cg.End() < kv.Pos() && (i == 0 || cg.Pos() > elts[i-1].End()) && line(cg.End()) < line(kv.Pos()):
					leading[i], placed = append(leading[i], text), true
				}
			}
			if !placed || strings.Contains(text, "\n") {
				return none, false
			}
		}
	}

	var b strings.Builder
	for i, kv := range elts {
		for _, l := range leading[i] {
			fmt.Fprintf(&b, "\n%s%s", indent, l)
		}
		value := string(src[off(kv.Value.Pos()):off(kv.Value.End())])
		value = strings.ReplaceAll(value, "\n\t", "\n")
		fmt.Fprintf(&b, "\n%s%s.%s = %s%s", indent, lhs, kv.Key.(*ast.Ident).Name, value, trailing[i])
	}
	newExpr := qual + ".DefaultTransport.(*" + qual + ".Transport).Clone()"
	edits := []analysis.TextEdit{
		{Pos: c.Expr.Pos(), End: c.Expr.End(), NewText: []byte(newExpr)},
	}
	// A comment after the brace goes to the end of the first line.
	edits = append(edits, analysis.TextEdit{Pos: tf.Pos(eol), End: tf.Pos(eol), NewText: []byte(first + b.String())})
	return analysis.SuggestedFix{
		Message:   "Start from http.DefaultTransport.(*http.Transport).Clone()",
		TextEdits: edits,
	}, true
}
