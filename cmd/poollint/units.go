package main

import (
	"encoding/binary"
	"encoding/json"
	"go/build"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/poollint/poollint/analyzers"
)

// Under go vet, the vet tool runs once per package of the build: for
// the packages asked for (diagnostics wanted) and for every dependency
// (VetxOnly: only the facts for their importers, and the export data
// their importers type-check against). Running the suite on a
// dependency where it can neither find nor export anything (an
// inspector and a control-flow graph for every function, down to the
// runtime) was most of poollint's cost over a vet tool without facts,
// and fully type-checking it (bodies included) most of the rest. So:
//
//   - exportOnly picks, from the unit's config, the dependencies the
//     analyzers have nothing to do on;
//   - typesOnly (typesonly.go) writes their export data from their
//     declarations alone, unless those show a function about which an
//     analyzer could export a fact (analyzers.MayExportFacts).
//
// Any doubt (an unreadable config or vetx file, a type error) sends
// the unit through unitchecker as usual.

// A vetUnit is the config go vet writes for one unit, read once and
// shared by exportOnly, typesOnly and withoutTests.
type vetUnit struct {
	file string // the config file
	data []byte // its JSON, for withoutTests' rewritten copy

	ImportPath  string
	Dir         string // the package directory, also for cgo packages
	GoVersion   string
	Compiler    string
	GoFiles     []string
	ImportMap   map[string]string // import path → package path
	PackageVetx map[string]string // package path → vetx file
	VetxOnly    bool
	VetxOutput  string
	Stdout      string
	FixArchive  string
}

// readUnit reads a go vet unit's config file; nil for "" and on any
// error (the unit then runs through unitchecker as usual).
func readUnit(file string) *vetUnit {
	if file == "" {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	u := &vetUnit{file: file, data: data}
	if json.Unmarshal(data, u) != nil {
		return nil
	}
	return u
}

// unitConfig returns the go vet unit's config file in args, or "".
func unitConfig(args []string) string {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args[len(args)-1]
	}
	return ""
}

// exportOnly reports whether a go vet unit only asks for the facts (and
// export data) of a dependency on which poollint's analyzers can have
// nothing to do:
//
//   - a standard-library package: the analyzers skip the standard
//     library, and the few no-return functions the body checkers care
//     about (os.Exit, log.Fatal, t.FailNow, ...) are known by name in
//     bodyown;
//   - a package that imports nothing under analyzers.PoolPaths (net/http,
//     the AWS SDKs, gRPC, fasthttp) nor under extra (the packages of
//     -perrequest.constructors), is not one of them, and none of whose
//     imports carries a poollint fact (the facts section of their vetx
//     files is empty): it can neither build nor use what poollint
//     checks, nor hand on a fact it imported. Whether it could export
//     one of its own (a helper that closes an io.Closer, a function
//     that never returns) typesOnly decides from its declarations.
//
// Units with diagnostics (VetxOnly false) always run: directives there
// are checked even where no HTTP code is.
//
// std says that the package is in the standard library.
func exportOnly(cfg *vetUnit, extra []string) (ok, std bool) {
	if !cfg.VetxOnly || cfg.Dir == "" {
		return false, false
	}
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = build.Default.GOROOT
	}
	src := filepath.Join(filepath.Clean(goroot), "src") + string(filepath.Separator)
	if strings.HasPrefix(filepath.Clean(cfg.Dir)+string(filepath.Separator), src) {
		return true, true
	}
	paths := append(analyzers.PoolPaths(), extra...)
	under := func(path string) bool {
		for _, p := range paths {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
		return false
	}
	if under(cfg.ImportPath) {
		return false, false
	}
	for _, path := range cfg.ImportMap {
		if under(path) {
			return false, false
		}
	}
	for _, file := range cfg.PackageVetx {
		if n, ok := factsLen(file); !ok || n > 0 {
			return false, false
		}
	}
	return true, false
}

// constructorPackages returns the packages of the pool constructors
// named by -perrequest.constructors in args (importpath.Func,
// importpath.Type, importpath.Type.Method): a dependency that imports
// one can export a builder fact.
func constructorPackages(args []string) []string {
	var pkgs []string
	for i, arg := range args {
		if arg == "--" {
			break
		}
		name, value, ok := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name != "perrequest.constructors" || !strings.HasPrefix(arg, "-") {
			continue
		}
		if !ok && i+1 < len(args) {
			value = args[i+1]
		}
		for _, c := range strings.Split(value, ",") {
			c = strings.TrimSpace(c)
			slash := strings.LastIndex(c, "/") + 1
			if dot := strings.Index(c[slash:], "."); dot > 0 {
				pkgs = append(pkgs, c[:slash+dot])
			}
		}
	}
	return pkgs
}

// factsLen returns the length of the facts section of a vetx file
// written by unitchecker: "vetx", then the little-endian uint32 lengths
// of the export data and of the facts (0 when there are none).
func factsLen(file string) (uint32, bool) {
	f, err := os.Open(file)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var header [12]byte
	if _, err := io.ReadFull(f, header[:]); err != nil {
		return 0, false
	}
	_, n, ok := vetxLengths(header[:])
	return n, ok
}

// vetxLengths decodes the header of a vetx file written by unitchecker
// (or typesOnly): "vetx", then the little-endian uint32 lengths of the
// export data and of the facts.
func vetxLengths(data []byte) (types, facts uint32, ok bool) {
	if len(data) < 12 || string(data[:4]) != "vetx" {
		return 0, 0, false
	}
	return binary.LittleEndian.Uint32(data[4:8]), binary.LittleEndian.Uint32(data[8:12]), true
}

// testsOff reports whether no analyzer is asked to look at _test.go
// files (-NAME.tests): then test files are not analysed at all (not
// even for directives: a finding there could not have been reported),
// so a unit need not type-check them.
func testsOff(args []string) bool {
	for name, on := range boolFlags(args) {
		if on && strings.HasSuffix(name, ".tests") {
			return false
		}
	}
	return true
}

// withoutTests serves a go vet unit with diagnostics wanted (a package
// of the patterns, with its tests) when tests are off. Go vet checks a
// package together with its _test.go files ("p [p.test]"), and an
// external test package ("p_test") on its own; test files are often as
// large as the package (go-github: 174k lines of tests for 112k of
// code), and type-checking them was most of such a unit's time and
// memory. So:
//
//   - a unit whose files are all tests (an external test package) needs
//     nothing: withoutTests writes an empty vetx file (nothing imports
//     a test package) and the empty JSON tree unitchecker would print,
//     and reports done;
//   - otherwise it returns a copy of the config without the test
//     files, for unitchecker. The package's own declarations do not
//     depend on its tests, so its findings and facts are the same. Its
//     vetx file then lacks the tests' declarations, which only the
//     external test package could import, and that unit is skipped.
//
// Units that produce fixes (-fix, -diff) and any doubt run as usual.
func withoutTests(unit *vetUnit, args []string) (cfg string, done bool) {
	cfgFile := unit.file
	var raw map[string]json.RawMessage
	if json.Unmarshal(unit.data, &raw) != nil || unit.VetxOnly || unit.FixArchive != "" || unit.VetxOutput == "" {
		return cfgFile, false
	}
	var code []string
	for _, f := range unit.GoFiles {
		if !strings.HasSuffix(f, "_test.go") {
			code = append(code, f)
		}
	}
	switch {
	case len(code) == len(unit.GoFiles):
		return cfgFile, false
	case len(code) == 0:
		if os.WriteFile(unit.VetxOutput, []byte("vetx\x00\x00\x00\x00\x00\x00\x00\x00"), 0o666) != nil {
			return cfgFile, false
		}
		if unit.Stdout != "" && jsonOutput(args) && os.WriteFile(unit.Stdout, []byte("{}\n"), 0o666) != nil {
			return cfgFile, false
		}
		return cfgFile, true
	}
	raw["GoFiles"], _ = json.Marshal(code)
	out, err := json.Marshal(raw)
	if err != nil {
		return cfgFile, false
	}
	cfg = strings.TrimSuffix(cfgFile, ".cfg") + ".notests.cfg"
	if os.WriteFile(cfg, out, 0o666) != nil {
		return cfgFile, false
	}
	return cfg, false
}

// jsonOutput reports whether args ask unitchecker for JSON (-json).
func jsonOutput(args []string) bool {
	for name, on := range boolFlags(args) {
		if name == "json" {
			return on
		}
	}
	return false
}
