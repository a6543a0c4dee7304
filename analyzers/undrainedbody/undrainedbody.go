package undrainedbody

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poollint/poollint/analyzers/internal/bodyown"
	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the undrainedbody analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	enable bool
	tests  bool
}

// New returns a fresh undrainedbody analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:     "undrainedbody",
		Doc:      docs.MustExtract(doc, "undrainedbody"),
		URL:      "https://pkg.go.dev/github.com/poollint/poollint/analyzers/undrainedbody",
		Requires: []*analysis.Analyzer{inspect.Analyzer, bodyown.Analyzer},
		Run:      cfg.run,
	}
	// The drivers read -enable (analyzers.Select): the analyzer is opt-in.
	a.Flags.BoolVar(&cfg.enable, "enable", false, "add undrainedbody to the default analyzers (it is opt-in: see the documentation)")
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files and in test helpers (functions that take a *testing.T, B, F or testing.TB)")
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
	for f := range owners.Funcs(pass, c.tests) {
		defs, _ := f.Defs()
		for _, d := range defs {
			// A response with no body on the network (HEAD), or none
			// left open by the callee (read, closed and replaced by an
			// in-memory body, synthetic), has nothing to drain. Nor
			// does a protocol-upgrade handshake (on 101 the body is the
			// connection, it never ends), nor a response whose pool was
			// built for this one request and is dropped: no connection
			// of it is ever reused.
			if owners.Head(f.Body, d.Call) || !owners.Opens(d.Call, f.Body) ||
				bodyown.UpgradeRequest(f.Info, f.Body, d.Call) || bodyown.PerCallPool(f.Info, f.Body, d.Call) {
				continue
			}
			check(pass, owners, f, d)
		}
	}
	return nil, nil
}

// use classifies what node n does to the body of v.
type use int

const (
	useNone    use = iota
	useDrain       // read to EOF, or handed to code that reads it
	useClose       // v.Body.Close() now
	useDefer       // defer v.Body.Close() (or a deferred closure that only closes)
	useHandled     // closed by some other owner: not ours to judge
)

func classify(info *types.Info, owners *bodyown.Owners, body ast.Node, n ast.Node, v *types.Var) use {
	// A deferred close, with or without a closure around it.
	if ds, ok := n.(*ast.DeferStmt); ok {
		if isBodyClose(info, ds.Call, v) {
			return useDefer
		}
		if lit, ok := ds.Call.Fun.(*ast.FuncLit); ok && len(ds.Call.Args) == 0 {
			u := useNone
			for _, st := range lit.Body.List {
				switch classify(info, owners, lit.Body, st, v) {
				case useDrain, useHandled:
					return useHandled
				case useClose, useDefer:
					u = useDefer
				}
			}
			if u != useNone {
				return u
			}
		}
	}
	// A direct close statement.
	var closeCall *ast.CallExpr
	switch n := n.(type) {
	case *ast.ExprStmt:
		closeCall, _ = ast.Unparen(n.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			closeCall, _ = ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
		}
	case *ast.ReturnStmt:
		if len(n.Results) == 1 {
			closeCall, _ = ast.Unparen(n.Results[0]).(*ast.CallExpr)
		}
	}
	if closeCall != nil && isBodyClose(info, closeCall, v) {
		return useClose
	}
	// Any other read or hand-off of the body or the response.
	drained := false
	ast.Inspect(n, func(m ast.Node) bool {
		if drained {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			if owners.Scan(m.Body, v, body) != bodyown.None || bodyown.Mentions(info, m, v) {
				drained = true
			}
			return false
		case *ast.CallExpr:
			if isBodyClose(info, m, v) {
				return false
			}
			for _, a := range m.Args {
				if isBodyOrResp(info, a, v) && !isDecoder(info, m) {
					drained = true // io.ReadAll, io.Copy, a helper, ...
				}
			}
			if sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr); ok && isBody(info, sel.X, v) && sel.Sel.Name != "Close" {
				drained = true // resp.Body.Read(...)
			}
		}
		return true
	})
	if drained {
		return useDrain
	}
	if owners.Scan(n, v, body) != bodyown.None {
		return useHandled
	}
	return useNone
}

// isDecoder reports calls that wrap the body without reading it to EOF:
// json.NewDecoder and xml.NewDecoder stop at the end of the first value.
func isDecoder(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return typesutil.IsFunc(fn, "encoding/json", "NewDecoder") || typesutil.IsFunc(fn, "encoding/xml", "NewDecoder")
}

func isBody(info *types.Info, e ast.Expr, v *types.Var) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.Uses[id] == v
}

func isBodyOrResp(info *types.Info, e ast.Expr, v *types.Var) bool {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && info.Uses[id] == v {
		return true
	}
	return isBody(info, e, v)
}

func isBodyClose(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Close" && len(call.Args) == 0 && isBody(info, sel.X, v)
}

type finding struct {
	close ast.Node // the close or deferred close
	ret   ast.Node // the return that runs a deferred close, or nil
}

// rule is undrainedbody's step on a path from d, with the deferred
// close seen so far as its state: a read to EOF or a hand-off makes the
// path safe; a close, or a return that runs the deferred close, with
// the body unread is reported.
func rule(owners *bodyown.Owners, f *bodyown.Func, d bodyown.Def) bodyown.Rule[ast.Node] {
	return func(n ast.Node, deferred ast.Node) (bodyown.Step, ast.Node) {
		if n == d.Stmt {
			return bodyown.Safe, deferred
		}
		switch classify(f.Info, owners, f.Body, n, d.Var) {
		case useDrain, useHandled:
			return bodyown.Safe, deferred
		case useClose:
			return bodyown.Report, nil
		case useDefer:
			if deferred == nil {
				deferred = n
			}
		}
		if _, ok := n.(*ast.ReturnStmt); ok {
			if deferred != nil {
				return bodyown.Report, deferred
			}
			return bodyown.Safe, deferred
		}
		return bodyown.Next, deferred
	}
}

func check(pass *analysis.Pass, owners *bodyown.Owners, f *bodyown.Func, d bodyown.Def) {
	h, found := bodyown.Search(f, d, nil, rule(owners, f, d))
	if !found {
		return
	}
	name := d.Var.Name()
	closeNode := h.At
	diag := analysis.Diagnostic{
		Message: "response body is closed before it is read to EOF, so the connection cannot be reused; drain it with io.Copy(io.Discard, " + name + ".Body) before closing",
	}
	if h.State != nil { // a return runs the deferred close h.State
		closeNode = h.State
		diag.Message = "response body is closed before it is read to EOF on the path that returns here, so the connection cannot be reused; drain it with io.Copy(io.Discard, " + name + ".Body) before closing"
		diag.Related = []analysis.RelatedInformation{bodyown.Related(pass, h.At, "the deferred close runs here with the body unread")}
	}
	diag.Pos, diag.End = closeNode.Pos(), closeNode.End()
	diag.SuggestedFixes = suggest(pass, closeNode, name)
	pass.Report(diag)
}

// suggest drains the body before the close: a line before a close
// statement, or a deferred closure in place of "defer resp.Body.Close()".
func suggest(pass *analysis.Pass, closeNode ast.Node, name string) []analysis.SuggestedFix {
	file := passutil.File(pass, closeNode.Pos())
	if file == nil {
		return nil
	}
	col := pass.Fset.Position(closeNode.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	drain := "_, _ = io.Copy(io.Discard, " + name + ".Body)"
	var edits []analysis.TextEdit
	switch n := closeNode.(type) {
	case *ast.DeferStmt:
		if !isSimpleClose(n.Call) {
			return nil
		}
		text := "defer func() {\n" + indent + "\t" + drain + "\n" + indent + "\t" + name + ".Body.Close()\n" + indent + "}()"
		edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)})
	case ast.Stmt:
		edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.Pos(), NewText: []byte(drain + "\n" + indent)})
	default:
		return nil
	}
	if e, ok := importIO(file); !ok {
		return nil
	} else if e != nil {
		edits = append(edits, *e)
	}
	return []analysis.SuggestedFix{{
		Message:   "Drain the body with io.Copy(io.Discard, " + name + ".Body) before closing",
		TextEdits: edits,
	}}
}

func isSimpleClose(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Close"
}

// importIO returns an edit that imports "io" if file lacks it; ok is
// false when "io" is imported under another name.
func importIO(file *ast.File) (*analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "io" {
			return nil, imp.Name == nil
		}
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"io\"")}, true
		}
		return &analysis.TextEdit{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import \"io\"\n")}, true
	}
	return &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport \"io\"")}, true
}
