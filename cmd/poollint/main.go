// Command poollint finds HTTP connection-pool mistakes in Go code.
//
// It runs as a vet tool:
//
//	go vet -vettool=$(which poollint) ./...
//
// or standalone, which runs the same vet tool through go vet (one small
// process per package, results cached by the go command) and presents
// the result:
//
//	poollint [-json] [-fix] [-diff] ./...
//	poollint -sarif ./... > poollint.sarif
//	poollint help [NAME]
//
// Exit codes: go vet exits 1 on findings. Standalone, poollint exits 3
// on findings and 1 on errors; with -json or -sarif it exits 0 even with
// findings (1 on errors); with -fix or -diff it exits 0 once the fixes
// are applied or shown.
//
// Silence a justified finding with a directive and a reason, at the end
// of the line or on the line above:
//
//	//poollint:ignore NAME[,NAME] reason
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"go/build"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/poollint/poollint/analyzers"
)

// debugChecker selects x/tools' checker (every package loaded from
// source into this process) instead of go vet, for debugging poollint.
const debugChecker = "-debug.checker"

func main() {
	args := os.Args[1:]
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") && noAnalysis(args[len(args)-1]) {
		// Type-check the dependency for its importers, run nothing.
		unitchecker.Run(args[len(args)-1], nil)
	}
	suite := analyzers.All()
	progname := filepath.Base(os.Args[0])
	switch {
	case vetProtocol(args):
		os.Args = append(os.Args[:1], withOptIn(suite, args)...)
		unitchecker.Main(suite...)
	case slices.Contains(args, debugChecker):
		args = slices.DeleteFunc(args, func(s string) bool { return s == debugChecker })
		os.Args = append(os.Args[:1], withOptIn(suite, args)...)
		multichecker.Main(suite...)
	case len(args) > 0 && args[0] == "help":
		os.Exit(help(os.Stdout, os.Stderr, progname, suite, args[1:]))
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(1)
	}
	d := &driver{progname: progname, vettool: exe, suite: suite, stdout: os.Stdout, stderr: os.Stderr}
	os.Exit(d.main(args))
}

// vetProtocol reports whether go vet (or go fix) is driving poollint:
// asking for its flags (-flags) or version (-V=full), or running one
// package unit (a *.cfg file).
func vetProtocol(args []string) bool {
	for _, arg := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if strings.HasPrefix(arg, "-") && (name == "flags" || name == "V") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// withOptIn returns args with -NAME=false added for every opt-in
// analyzer (analyzers.OptIn) that analyzers.Select leaves out, so that
// the analysis flags of unitchecker and multichecker (run all unless
// some -NAME is true, minus every -NAME=false) select what Select does.
func withOptIn(suite []*analysis.Analyzer, args []string) []string {
	only, off, enabled := selection(suite, args)
	if len(only) > 0 {
		return args // only the analyzers asked for run
	}
	var extra []string
	for name := range analyzers.OptIn() {
		if !slices.Contains(off, name) && !enabled[name] {
			extra = append(extra, "-"+name+"=false")
		}
	}
	slices.Sort(extra)
	return append(extra, args...)
}

// selection scans the flags of args (up to a "--") for the
// analyzers asked for alone (-NAME, -NAME=true), those turned off
// (-NAME=false) and those whose -NAME.enable is set. Other flags and
// their values are skipped.
func selection(suite []*analysis.Analyzer, args []string) (only, off []string, enabled map[string]bool) {
	enabled = make(map[string]bool)
	for _, arg := range args {
		if arg == "--" {
			break
		}
		if !strings.HasPrefix(arg, "-") {
			continue // a package, the unit's .cfg, or a flag's value
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		on := !hasValue || value == "true" || value == "1" || value == "t" || value == "T" || value == "TRUE" || value == "True"
		for _, a := range suite {
			switch name {
			case a.Name:
				if on {
					only = append(only, a.Name)
				} else {
					off = append(off, a.Name)
				}
			case a.Name + "." + analyzers.EnableFlag:
				enabled[a.Name] = on
			}
		}
	}
	return only, off, enabled
}

// noAnalysis reports whether a go vet unit only asks for the facts (and
// export data) of a dependency on which poollint's analyzers have
// nothing to do, so the vet tool only type-checks it:
//
//   - a standard-library package: the analyzers skip the standard
//     library, and the few no-return functions the body checkers care
//     about (os.Exit, log.Fatal, t.FailNow, ...) are known by name in
//     bodyown;
//   - a package that imports nothing under analyzers.PoolPaths (net/http,
//     the AWS SDKs, gRPC, fasthttp), is not one of them, none of whose
//     imports carries a poollint fact (the facts section of their vetx
//     files is empty), and whose source has none of factWords: it can
//     neither build nor use what poollint checks, nor hand on a fact.
//     The last clause keeps helpers that close an io.Closer
//     (func CloseQuietly(c io.Closer)) and functions that never return
//     (func die(msg string) { log.Fatal(msg) }): bodyown's facts about
//     them spare their callers a false "body never closed".
//
// Running the suite there anyway (an inspector and a control-flow graph
// for every function, down to runtime) was most of poollint's cost over
// a vet tool without facts. Any doubt (an unreadable config or vetx
// file) answers false, and the unit runs normally. Units with
// diagnostics (VetxOnly false) always run: directives there are checked
// even where no HTTP code is.
func noAnalysis(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg struct {
		VetxOnly    bool
		Dir         string // the package directory, also for cgo packages
		ImportPath  string
		ImportMap   map[string]string // import path → package path
		PackageVetx map[string]string // package path → vetx file
		GoFiles     []string
	}
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly || cfg.Dir == "" {
		return false
	}
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = build.Default.GOROOT
	}
	src := filepath.Join(filepath.Clean(goroot), "src") + string(filepath.Separator)
	if strings.HasPrefix(filepath.Clean(cfg.Dir)+string(filepath.Separator), src) {
		return true
	}
	under := func(path string) bool {
		for _, p := range analyzers.PoolPaths() {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
		return false
	}
	if under(cfg.ImportPath) {
		return false
	}
	for _, path := range cfg.ImportMap {
		if under(path) {
			return false
		}
	}
	for _, file := range cfg.PackageVetx {
		if n, ok := factsLen(file); !ok || n > 0 {
			return false
		}
	}
	for _, file := range cfg.GoFiles {
		src, err := os.ReadFile(file)
		if err != nil {
			return false
		}
		for _, w := range factWords {
			if bytes.Contains(src, []byte(w)) {
				return false
			}
		}
	}
	return true
}

// factWords are the words without which a package that reaches none of
// analyzers.PoolPaths can export no fact of bodyown's, so its source
// must contain one of them to be analysed:
var factWords = []string{
	// closesParam: a helper that closes or keeps an io.Closer parameter
	// (func CloseQuietly(c io.Closer)); a body can only be passed to a
	// parameter whose interface has Close.
	"Close",
	// neverReturns: a function that ends in a no-return call, which its
	// callers' path searches must see (a leak on a path that exits is no
	// leak). The calls that start such a chain are bodyown's table of
	// standard-library no-return functions (os.Exit, runtime.Goexit,
	// log.Fatal*/Panic*, testing's FailNow/Fatal*/Skip*) and the panic
	// builtin; a call to another package's no-return function means
	// that package's vetx file has facts, which is checked above.
	"Exit", "Fatal", "Panic", "panic", "FailNow", "Skip",
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
	if _, err := io.ReadFull(f, header[:]); err != nil || string(header[:4]) != "vetx" {
		return 0, false
	}
	return binary.LittleEndian.Uint32(header[8:12]), true
}
