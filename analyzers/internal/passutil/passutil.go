// Package passutil holds small helpers over an analysis.Pass that
// several analyzers need.
package passutil

import (
	"go/ast"
	"go/build"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsTestFile reports whether pos lies in a _test.go file.
func IsTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
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
