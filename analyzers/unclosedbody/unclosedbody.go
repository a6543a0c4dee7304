package unclosedbody

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/bodyown"
	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
)

//go:embed doc.go
var doc string

// Analyzer is the unclosedbody analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests bool
}

// New returns a fresh unclosedbody analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:     "unclosedbody",
		Doc:      docs.MustExtract(doc, "unclosedbody"),
		URL:      "https://pkg.go.dev/github.com/poollint/poollint/analyzers/unclosedbody",
		Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer, bodyown.Analyzer},
		Run:      cfg.run,
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	return a
}

func (c *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, "net/http") {
		return nil, nil // nothing here can build, configure or use a pool
	}
	if !bodyown.MentionsResponse(pass.Pkg, pass.TypesInfo) {
		return nil, nil
	}
	owners := pass.ResultOf[bodyown.Analyzer].(*bodyown.Owners)
	for fb := range bodyown.FuncBodies(pass, c.tests) {
		body := fb.Body
		defs, discards := bodyown.Find(pass.TypesInfo, body, fb.Scope)
		for _, d := range discards {
			if !owners.Opens(d.Call, body) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:     d.Call.Pos(),
				End:     d.Call.End(),
				Message: "response is discarded, so its body is never closed; assign it and defer resp.Body.Close() after the error check",
			})
		}
		if len(defs) == 0 {
			continue
		}
		f := bodyown.NewFunc(pass.TypesInfo, body, fb.CFG, fb.Sig)
		for _, d := range defs {
			if !owners.Opens(d.Call, body) {
				continue // closed by the callee, synthetic, or a pass-through
			}
			check(pass, owners, f, d)
		}
	}
	return nil, nil
}

type leakKind int

const (
	leakReturn leakKind = iota
	leakEnd
	leakLoop
)

type leak struct {
	kind leakKind
	at   ast.Node // return, continue, or loop statement
}

type state struct {
	b     *cfg.Block
	errOK bool
}

func check(pass *analysis.Pass, owners *bodyown.Owners, f *bodyown.Func, d bodyown.Def) {
	b0, i0, ok := f.Locate(d.Stmt)
	if !ok || !b0.Live {
		return
	}
	v := d.Var
	seen := map[state]bool{}
	var search func(b *cfg.Block, start int, errOK bool, jump ast.Node) *leak
	search = func(b *cfg.Block, start int, errOK bool, jump ast.Node) *leak {
		for i := start; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if n == d.Stmt {
				at := jump
				if at == nil {
					at = loopOf(f, d.Stmt)
				}
				return &leak{leakLoop, at}
			}
			if owners.Scan(n, v, f.Body) != bodyown.None || bodyown.NoReturn(pass.TypesInfo, n) {
				return nil
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				if f.NakedReturnHands(ret, v) {
					return nil
				}
				if f.IsImplicitReturn(ret) {
					return &leak{leakEnd, ret}
				}
				return &leak{leakReturn, ret}
			}
			if bodyown.Assigns(pass.TypesInfo, n, d.Err) {
				errOK = false
			}
		}
		if j := f.Jump(b); j != nil {
			jump = j
		}
		cond := f.Cond(b)
		for j, s := range b.Succs {
			if cond != nil && bodyown.Dead(pass.TypesInfo, cond, j == 0, v, d.Err, errOK) {
				continue
			}
			st := state{s, errOK}
			if seen[st] {
				continue
			}
			seen[st] = true
			if l := search(s, 0, errOK, jump); l != nil {
				return l
			}
		}
		return nil
	}
	l := search(b0, i0+1, true, nil)
	if l == nil {
		return
	}
	name := v.Name()
	never := !closedAnywhere(owners, f, v, d.Stmt)
	fix := "close it with defer " + name + ".Body.Close() after the error check"
	var msg, rel string
	switch l.kind {
	case leakReturn:
		msg = "response body is not closed on the path that returns here; " + fix
		rel = "the response body leaks when the function returns here"
	case leakEnd:
		msg = "response body is not closed on the path that reaches the end of the function; " + fix
		rel = "the response body leaks when the function ends here"
	case leakLoop:
		if _, ok := l.at.(*ast.BranchStmt); ok {
			msg = fmt.Sprintf("response body is not closed on the path that continues the loop here, and %s is overwritten in the next iteration; close it before continuing", name)
			rel = "the response body leaks when the loop continues here"
		} else {
			msg = fmt.Sprintf("response body is not closed before %s is overwritten in the next loop iteration; close it before the iteration ends", name)
			rel = "the loop repeats without closing the response body"
		}
	}
	if never {
		msg = "response body is never closed; " + fix
	}
	diag := analysis.Diagnostic{
		Pos:     d.Call.Pos(),
		End:     d.Call.End(),
		Message: msg,
	}
	if l.at != nil {
		pos, end := l.at.Pos(), l.at.End()
		if pass.Fset.File(pos) != pass.Fset.File(end) {
			end = pos
		}
		diag.Related = []analysis.RelatedInformation{{Pos: pos, End: end, Message: rel}}
	}
	if never {
		diag.SuggestedFixes = suggest(pass, f, d)
	}
	pass.Report(diag)
}

// closedAnywhere reports whether any CFG node other than the definition
// closes or hands on v.
func closedAnywhere(owners *bodyown.Owners, f *bodyown.Func, v *types.Var, def ast.Node) bool {
	for _, b := range f.CFG.Blocks {
		for _, n := range b.Nodes {
			if n == def {
				continue
			}
			if owners.Scan(n, v, f.Body) != bodyown.None {
				return true
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && f.NakedReturnHands(ret, v) {
				return true
			}
		}
	}
	return false
}

// loopOf returns the innermost loop statement around def.
func loopOf(f *bodyown.Func, def ast.Node) ast.Node {
	var loop ast.Node
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if n == nil || loop != nil && n.Pos() > def.Pos() {
			return false
		}
		if n.Pos() > def.Pos() || n.End() < def.End() {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		case *ast.FuncLit:
			return false
		}
		return true
	})
	if loop != nil {
		// Point at the keyword only.
		return &ast.Ident{NamePos: loop.Pos(), Name: "for"}
	}
	return nil
}

// suggest offers "Add defer resp.Body.Close()" when the shape is
// simple: the definition is a statement of the function body itself
// (not in a loop or branch), followed by an "if err != nil { ... }"
// with no else, or with no error at all.
func suggest(pass *analysis.Pass, f *bodyown.Func, d bodyown.Def) []analysis.SuggestedFix {
	as, ok := d.Stmt.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	idx := -1
	for i, s := range f.Body.List {
		if s == as {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	after := ast.Node(as)
	if d.Err != nil {
		if idx+1 >= len(f.Body.List) {
			return nil
		}
		ifs, ok := f.Body.List[idx+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !bodyown.Dead(pass.TypesInfo, ifs.Cond, true, d.Var, d.Err, true) {
			return nil
		}
		after = ifs
	}
	tf := pass.Fset.File(after.End())
	line := tf.Line(after.End())
	if line >= tf.LineCount() {
		return nil
	}
	at := tf.LineStart(line + 1)
	col := pass.Fset.Position(as.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	text := indent + "defer " + d.Var.Name() + ".Body.Close()\n"
	return []analysis.SuggestedFix{{
		Message:   "Add defer " + d.Var.Name() + ".Body.Close()",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}}
}
