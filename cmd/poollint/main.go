// Command poollint finds HTTP connection-pool mistakes in Go code.
//
// It runs as a vet tool:
//
//	go vet -vettool=$(which poollint) ./...
//
// or standalone:
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
	"encoding/json"
	"flag"
	"go/build"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/poollint/poollint/analyzers"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") && stdFactsOnly(args[len(args)-1]) {
		// Type-check the dependency for its importers, run nothing.
		unitchecker.Run(args[len(args)-1], nil)
	}
	if !vetProtocol(args) {
		if sarifRequested(args) {
			d := &sarifDriver{progname: filepath.Base(os.Args[0]), stdout: os.Stdout, stderr: os.Stderr}
			os.Exit(d.main(analyzers.All(), args))
		}
		// Listed by -help and "poollint help", and accepted as -sarif=false.
		// Never registered when go vet drives poollint, so go vet's view
		// of our flags (-flags) stays what the multichecker reports.
		flag.Bool("sarif", false, "write SARIF 2.1.0 to standard output (exit code 0 even with findings)")
	}
	multichecker.Main(analyzers.All()...)
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

// stdFactsOnly reports whether a go vet unit only asks for the facts
// (and export data) of a standard-library dependency. For those units
// poollint runs no analyzer: its analyzers skip the standard library,
// and the few no-return functions the body checkers care about
// (os.Exit, log.Fatal, t.FailNow, ...) are known by name in bodyown.
// Running the suite there anyway (an inspector and a control-flow graph
// for every function down to runtime) was most of poollint's cost over
// a vet tool without facts. Any doubt (an unreadable config, a package
// outside GOROOT/src) answers false, and the unit runs normally.
func stdFactsOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg struct {
		VetxOnly bool
		Dir      string // the package directory, also for cgo packages
	}
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly || cfg.Dir == "" {
		return false
	}
	goroot := os.Getenv("GOROOT")
	if goroot == "" {
		goroot = build.Default.GOROOT
	}
	src := filepath.Join(filepath.Clean(goroot), "src") + string(filepath.Separator)
	return strings.HasPrefix(filepath.Clean(cfg.Dir)+string(filepath.Separator), src)
}
