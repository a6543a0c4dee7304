// Package testutil locates the repository's shared test data.
package testutil

import (
	"path/filepath"
	"runtime"
)

// Root returns the absolute path of the repository root.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testutil: cannot locate source file")
	}
	// file is <root>/analyzers/internal/testutil/testutil.go
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// TestData returns the absolute path of the shared top-level testdata
// directory, the GOPATH that analysistest fixtures live in.
// analysistest rejects relative GOPATH entries.
func TestData() string {
	return filepath.Join(Root(), "testdata")
}
