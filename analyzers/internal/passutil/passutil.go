// Package passutil holds small helpers over an analysis.Pass that
// several analyzers need.
package passutil

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// IsTestFile reports whether pos lies in a _test.go file.
func IsTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// IsTestHelper reports whether decl takes a *testing.T, *testing.B,
// *testing.F or testing.TB: test support code that runs under go test
// wherever its file is (a testutil package's helpers, opensearch-go's
// testutil.WaitForCluster(t)). The analyzers treat it like a test file.
func IsTestHelper(info *types.Info, decl *ast.FuncDecl) bool {
	for _, field := range decl.Type.Params.List {
		t := info.TypeOf(field.Type)
		if typesutil.IsPointerToNamed(t, "testing", "T", "B", "F") || typesutil.IsNamed(t, "testing", "TB") {
			return true
		}
	}
	return false
}

// InTestCode reports whether pos lies in a _test.go file or in a test
// helper (IsTestHelper).
func InTestCode(pass *analysis.Pass, pos token.Pos) bool {
	if IsTestFile(pass, pos) {
		return true
	}
	if f := File(pass, pos); f != nil {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return IsTestHelper(pass.TypesInfo, fd)
			}
		}
	}
	return false
}

// File returns the syntax tree of pass that contains pos, or nil.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// InGOROOT reports whether the package under analysis is part of the
// standard library (its files live under GOROOT). Analyzers skip it:
// its code is not the user's to fix, and facts about it would turn
// internal details (httputil.DumpRequestOut's private transport, say)
// into findings in user code.
func InGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	f := pass.Fset.File(pass.Files[0].FileStart)
	if f == nil {
		return false
	}
	root := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	return strings.HasPrefix(filepath.Clean(f.Name()), root)
}

// PoolPaths lists the import paths (each with the packages below it)
// through which a package can build, configure or use what poollint
// checks: net/http's transports, clients and responses, the AWS SDKs'
// clients (which build transports), and the pool kinds of gRPC and
// fasthttp. A package that reaches none of them, and imports no fact of
// ours, can produce or use none of our findings or facts.
func PoolPaths() []string {
	return []string{
		"net/http",
		"github.com/aws/aws-sdk-go-v2", // service clients, config.LoadDefaultConfig
		"github.com/aws/aws-sdk-go",    // v1 sessions and service clients
		"google.golang.org/grpc",       // ClientConn pools
		"github.com/valyala/fasthttp",  // fasthttp clients
	}
}

// CanReach reports whether the package under analysis is, or imports
// directly or through other packages, a package whose path is one of
// paths or lies below one ("net/http" covers net/http/httptest), or
// whether a package it imports carries a fact of the running analyzer's
// own types. The walk covers pass.Pkg.Imports() transitively (for a
// dependency read from export data, the packages its API refers to), so
// a package that uses resp.Body through another package's API reaches
// net/http without importing it. It keeps its memo for one call only.
//
// Analyzers and fact producers call it first and return before any
// traversal when it is false. The facts clause keeps a package that
// calls a dependency's HTTP-free API (func Download(url string)) which
// builds a pool inside: that dependency exported the fact.
func CanReach(pass *analysis.Pass, paths ...string) bool {
	match := func(path string) bool {
		for _, p := range paths {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
		return false
	}
	if match(pass.Pkg.Path()) {
		return true
	}
	seen := make(map[*types.Package]bool)
	var walk func([]*types.Package) bool
	walk = func(pkgs []*types.Package) bool {
		for _, p := range pkgs {
			if seen[p] {
				continue
			}
			seen[p] = true
			if match(p.Path()) || walk(p.Imports()) {
				return true
			}
		}
		return false
	}
	if walk(pass.Pkg.Imports()) {
		return true
	}
	return len(pass.Analyzer.FactTypes) > 0 && (len(pass.AllObjectFacts()) > 0 || len(pass.AllPackageFacts()) > 0)
}

// FuncType is the type of a function declaration or literal, nil for any
// other node (for a cursor from Enclosing((*ast.FuncDecl)(nil),
// (*ast.FuncLit)(nil))).
func FuncType(n ast.Node) *ast.FuncType {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

// examplePathElems are package path elements that hold example programs,
// which a user runs by hand and can interrupt: clienttimeout and
// poolconfig judge missing timeouts there alike (issue 11).
var examplePathElems = []string{"example", "examples", "_example", "_examples"}

// IsExample reports whether pkg is an example program: an element of its
// path is example(s) or _example(s).
func IsExample(pkg *types.Package) bool {
	for elem := range strings.SplitSeq(pkg.Path(), "/") {
		if slices.Contains(examplePathElems, elem) {
			return true
		}
	}
	return false
}
