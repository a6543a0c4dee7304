package reqpath

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// onceFields are the fields of command types whose function runs once
// per process: the command's body in a CLI. A function given there, or
// a literal written there, is start-up code like main. Each entry names
// the type by package path, so a look-alike field elsewhere does not
// count.
var onceFields = []struct {
	pkg, typ string
	fields   []string
}{
	// cobra: Run/RunE and its hooks run once when the command is invoked.
	{"github.com/spf13/cobra", "Command", []string{
		"Run", "RunE", "PreRun", "PreRunE", "PostRun", "PostRunE",
		"PersistentPreRun", "PersistentPreRunE", "PersistentPostRun", "PersistentPostRunE"}},
	// urfave/cli: a command's or an app's Action runs once per invocation.
	{"github.com/urfave/cli", "Command", []string{"Action", "Before", "After"}},
	{"github.com/urfave/cli", "App", []string{"Action", "Before", "After"}},
	{"github.com/urfave/cli/v2", "Command", []string{"Action", "Before", "After"}},
	{"github.com/urfave/cli/v2", "App", []string{"Action", "Before", "After"}},
	{"github.com/urfave/cli/v3", "Command", []string{"Action", "Before", "After"}},
}

// servesForever reports whether a call of fn serves until the process
// ends: a function that calls one is a server's start-up, run once,
// even when exported (an agent's Serve).
func servesForever(fn *types.Func) bool {
	return typesutil.IsFunc(fn, typesutil.NetHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") ||
		typesutil.IsMethod(fn, typesutil.NetHTTP, "Server", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS") ||
		typesutil.IsMethod(fn, "google.golang.org/grpc", "Server", "Serve")
}

// isOnceField reports whether cur is the value of a field of onceFields
// in a composite literal.
func isOnceField(info *types.Info, cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		cur = cur.Parent() // RunE: o.Run
	}
	if cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return false
	}
	kv := cur.Parent().Node().(*ast.KeyValueExpr)
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return false
	}
	cl, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
	if !ok {
		return false
	}
	t := info.TypeOf(cl)
	for _, of := range onceFields {
		if !typesutil.IsNamed(t, of.pkg, of.typ) {
			continue
		}
		for _, f := range of.fields {
			if f == key.Name {
				return true
			}
		}
	}
	return false
}

// runOnce computes which functions of the package run at most once per
// process: main and init, and functions that only start-up code refers
// to (main, init, package-level initialisers, CLI command bodies). A
// function that nothing in the package refers to is counted as run-once
// too: dead code, or called through reflection or an interface we
// cannot see, so silence. An exported function or method of a library
// package is called from elsewhere: never run-once.
//
// It is the greatest fixpoint: assume every candidate runs once, then
// drop those with a reference from code that does not, until stable;
// recursion among start-up helpers keeps them run-once.
func (m *Model) runOnce() map[*types.Func]bool {
	m.onceOnce.Do(func() { m.onceSet = computeRunOnce(m) })
	return m.onceSet
}

func computeRunOnce(m *Model) map[*types.Func]bool {
	info := m.pass.TypesInfo
	roots := m.Roots()
	library := m.pass.Pkg.Name() != "main"

	// refs[fn] are the references to fn: the function around each, nil
	// for start-up code, and whether it runs per request.
	type ref struct {
		cur    inspector.Cursor
		from   *types.Func
		perReq bool
	}
	refs := make(map[*types.Func][]ref)
	decls := make(map[*types.Func]bool)
	serves := make(map[*types.Func]bool) // runs a server until the process ends, or a test
	for cur := range m.insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.Ident)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				decls[fn] = true
				// A test, benchmark or fuzz target and its helpers
				// run once per test, not per request.
				serves[fn] = serves[fn] || passutil.IsTestFile(m.pass, n.Pos())
			}
		case *ast.CallExpr:
			if servesForever(typesutil.Callee(info, n)) {
				if decl, ok := enclosingDecl(cur); ok {
					if fn, ok := info.Defs[decl.Name].(*types.Func); ok {
						serves[fn] = true
					}
				}
			}
		case *ast.Ident:
			fn, ok := info.Uses[n].(*types.Func)
			if !ok || fn.Pkg() != m.pass.Pkg || passutil.IsTestFile(m.pass, n.Pos()) {
				// A test calls a function once, but says nothing of how
				// often the program does: its references do not count.
				continue
			}
			from, perReq := referrer(info, roots, cur)
			refs[fn.Origin()] = append(refs[fn.Origin()], ref{cur, from, perReq})
		}
	}
	// A reference guarded by memoization (sync.Once, a nil check, an
	// expiry check) runs once per owner or lifetime, wherever it is.
	memo := make(map[inspector.Cursor]bool)
	memoized := func(r ref) bool {
		v, ok := memo[r.cur]
		if !ok {
			v = m.Memoized(r.cur)
			memo[r.cur] = v
		}
		return v
	}

	once := make(map[*types.Func]bool)
	entry := func(fn *types.Func) bool {
		return serves[fn] || fn.Type().(*types.Signature).Recv() == nil && (fn.Name() == "init" || (!library && fn.Name() == "main"))
	}
	for fn := range decls {
		switch {
		case entry(fn):
			once[fn] = true
		case library && fn.Exported():
			// Called from other packages: per call, unless every call
			// in the package is memoized (a credential helper rebuilt
			// before expiry) or in a server's start-up.
			all := len(refs[fn]) > 0
			for _, r := range refs[fn] {
				all = all && !r.perReq && (r.from == nil || serves[r.from] || memoized(r))
			}
			once[fn] = all
		default:
			once[fn] = true
			for _, r := range refs[fn] {
				if r.perReq && !memoized(r) {
					once[fn] = false
					break
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, ok := range once {
			if !ok || entry(fn) || (library && fn.Exported()) {
				continue
			}
			for _, r := range refs[fn] {
				if r.from != nil && !once[r.from] && !memoized(r) {
					once[fn] = false
					changed = true
					break
				}
			}
		}
	}
	return once
}

// referrer returns the function whose body holds the reference at cur,
// nil for start-up code (a package-level initialiser, a CLI command
// body), and whether the reference runs per request (in a root).
func referrer(info *types.Info, roots map[ast.Node]*Root, cur inspector.Cursor) (*types.Func, bool) {
	if isOnceField(info, cur) {
		return nil, false
	}
	for anc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if roots[anc.Node()] != nil {
			return nil, true
		}
		switch n := anc.Node().(type) {
		case *ast.FuncLit:
			if isOnceField(info, anc) {
				return nil, false
			}
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn == nil {
				return nil, true
			}
			return fn, false
		}
	}
	return nil, false
}
