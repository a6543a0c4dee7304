package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/poollint/poollint/analyzers"
)

// typesOnly serves a go vet unit that exportOnly has found to need only
// export data for its importers: it type-checks the package's
// declarations, not its function bodies, and writes a vetx file with
// the export data and no facts, the file unitchecker would write for an
// analysis with no facts (vetx magic, the little-endian uint32 lengths
// of the export data and of the facts, then the export data).
//
// Export data holds declarations only, so function bodies are not
// needed to write it; checking them (and recording every identifier in
// a types.Info) was most of the cost of such a unit. It reports false
// on any doubt (an unreadable file, a type error, an unknown import),
// and the caller runs the unit through unitchecker, which reports the
// error as go vet expects. With facts set, it also reports false when
// the package's declarations show a function about which an analyzer
// could export a fact (analyzers.MayExportFacts), so that the caller
// runs the suite there.
func typesOnly(cfg *vetUnit, facts bool) bool {
	if !cfg.VetxOnly || cfg.VetxOutput == "" || len(cfg.GoFiles) == 0 {
		return false
	}
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(cfg.GoFiles))
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		files = append(files, f)
	}
	imports := make(map[string]*types.Package)
	importer := importerFunc(func(importPath string) (*types.Package, error) {
		path, ok := cfg.ImportMap[importPath]
		if !ok {
			return nil, fmt.Errorf("can't resolve import %q", importPath)
		}
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		if pkg, ok := imports[path]; ok && pkg.Complete() {
			return pkg, nil
		}
		file, ok := cfg.PackageVetx[path]
		if !ok {
			return nil, fmt.Errorf("no package vetx file for %q", path)
		}
		export, err := vetxTypes(file)
		if err != nil {
			return nil, err
		}
		// gcexportdata reads the indexed format after its 'i' tag;
		// a vetx file holds the same encoding without the tag.
		return gcexportdata.Read(bytes.NewReader(append([]byte{'i'}, export...)), fset, imports, path)
	})
	compiler := cfg.Compiler
	if compiler == "" {
		compiler = "gc"
	}
	conf := types.Config{
		Importer:         importer,
		Sizes:            types.SizesFor(compiler, build.Default.GOARCH),
		GoVersion:        cfg.GoVersion,
		IgnoreFuncBodies: true,
	}
	var info *types.Info
	if facts {
		info = &types.Info{Defs: make(map[*ast.Ident]types.Object)}
	}
	pkg, err := conf.Check(cfg.ImportPath, fset, files, info)
	if err != nil || facts && analyzers.MayExportFacts(files, info) {
		return false
	}
	var out bytes.Buffer
	out.WriteString("vetx")
	out.Write(make([]byte, 8)) // lengths of the export data and of the facts
	if err := gcexportdata.Write(&out, fset, pkg); err != nil {
		return false
	}
	vetx := out.Bytes()
	// gcexportdata.Write starts with the 'i' tag that vetx files omit.
	vetx = append(vetx[:12], vetx[13:]...)
	binary.LittleEndian.PutUint32(vetx[4:8], uint32(len(vetx)-12))
	binary.LittleEndian.PutUint32(vetx[8:12], 0)
	return os.WriteFile(cfg.VetxOutput, vetx, 0o666) == nil
}

// vetxTypes returns the export data of a vetx file written by
// unitchecker or by typesOnly.
func vetxTypes(file string) ([]byte, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	typesLen, _, ok := vetxLengths(data)
	if !ok {
		return nil, fmt.Errorf("%s is not a vetx file", file)
	}
	n := uint64(typesLen)
	if 12+n > uint64(len(data)) {
		return nil, fmt.Errorf("vetx file %s is truncated", file)
	}
	return data[12 : 12+n], nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
