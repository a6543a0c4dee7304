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
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
	if unit := readUnit(unitConfig(args)); unit != nil {
		// A dependency on which the analyzers have nothing to do:
		// write its export data for its importers, run nothing.
		if ok, std := exportOnly(unit, constructorPackages(args)); ok && typesOnly(unit, !std) {
			os.Exit(0)
		}
		// typesOnly found a type error, or a declaration from which
		// an analyzer could export a fact: run the suite, which
		// reports errors as go vet expects.
		if testsOff(args) {
			cfg, done := withoutTests(unit, args)
			if done {
				os.Exit(0)
			}
			args[len(args)-1] = cfg
		}
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

// boolFlags yields the name of every flag in args (up to a "--"), with
// its value read as a boolean flag's: -name and -name=true (or 1, t, T,
// TRUE, True) are on. Packages, the unit's .cfg and the values of other
// flags do not start with "-" and are skipped.
func boolFlags(args []string) iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		for _, arg := range args {
			if arg == "--" {
				return
			}
			if !strings.HasPrefix(arg, "-") {
				continue
			}
			name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
			on, err := strconv.ParseBool(value)
			if !yield(name, !hasValue || err == nil && on) {
				return
			}
		}
	}
}

// selection scans the flags of args (up to a "--") for the
// analyzers asked for alone (-NAME, -NAME=true), those turned off
// (-NAME=false) and those whose -NAME.enable is set. Other flags and
// their values are skipped.
func selection(suite []*analysis.Analyzer, args []string) (only, off []string, enabled map[string]bool) {
	enabled = make(map[string]bool)
	for name, on := range boolFlags(args) {
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
