// Package analyzers assembles the poollint suite.
package analyzers

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/awsclient"
	"github.com/poollint/poollint/analyzers/clienttimeout"
	"github.com/poollint/poollint/analyzers/internal/bodyown"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/perrequest"
	"github.com/poollint/poollint/analyzers/poolconfig"
	"github.com/poollint/poollint/analyzers/poolsize"
	"github.com/poollint/poollint/analyzers/unclosedbody"
	"github.com/poollint/poollint/analyzers/undrainedbody"
)

// All returns fresh instances of every poollint analyzer, in a fixed
// order. Each call returns new analyzers with their own flag values, so
// the vet tool, the golangci-lint plugin and tests never share state.
// Every finding passes through the //poollint:ignore filter.
//
// All includes the opt-in analyzers (see OptIn); Select chooses what a
// run executes.
func All() []*analysis.Analyzer {
	return ignore.Wrap(
		perrequest.New(),
		awsclient.New(),
		poolconfig.New(),
		poolsize.New(),
		clienttimeout.New(),
		unclosedbody.New(),
		undrainedbody.New(),
	)
}

// OptIn returns the analyzers of the suite that are off by default,
// each with why. It is the one source of that fact: the vet tool, the
// standalone driver, the golangci-lint plugin, SARIF (a rule's
// defaultConfiguration) and poollint help all read it.
func OptIn() map[string]string {
	return map[string]string{
		// Findings are true but cost a connection only on HTTP/1.1 and
		// only on the paths found; fixing every one is a style choice
		// (see undrainedbody's doc.go).
		"undrainedbody": "true findings, but fixing each is a team's style choice (HTTP/1.1 reuse only)",
	}
}

// EnableFlag is the analyzer flag that adds an opt-in analyzer to the
// default set without running it alone (-undrainedbody.enable, kept from
// before the registry existed).
const EnableFlag = "enable"

// Select returns the analyzers of suite that a run executes, in suite
// order, given the analyzers asked for alone (go vet -NAME, the
// plugin's enable) and those turned off (-NAME=false, disable). When
// only is empty, a run executes every analyzer that is not off and not
// opt-in; an opt-in analyzer joins when its -NAME.enable flag is set.
// This is the selection rule of go vet's analysis flags plus OptIn.
func Select(suite []*analysis.Analyzer, only, off []string) []*analysis.Analyzer {
	optIn := OptIn()
	var run []*analysis.Analyzer
	for _, a := range suite {
		if slices.Contains(off, a.Name) {
			continue
		}
		if len(only) > 0 {
			if slices.Contains(only, a.Name) {
				run = append(run, a)
			}
			continue
		}
		if _, ok := optIn[a.Name]; !ok || flagSet(a, EnableFlag) {
			run = append(run, a)
		}
	}
	return run
}

// flagSet reports whether a's boolean flag name is true.
func flagSet(a *analysis.Analyzer, name string) bool {
	f := a.Flags.Lookup(name)
	return f != nil && f.Value.String() == "true"
}

// PoolPaths lists the import paths (with the packages below them)
// through which a package can build, configure or use what the suite
// checks. A dependency that imports none of them and no package with
// poollint facts needs no analysis, only its export data (the vet
// tool's fast path), unless MayExportFacts.
func PoolPaths() []string { return passutil.PoolPaths() }

// MayExportFacts reports whether a package that reaches none of
// PoolPaths, and imports no package with poollint facts, could still
// export a fact for its importers (a helper that closes an io.Closer
// parameter, a function that never returns), judged from its syntax
// and the types of its declarations (info needs only Defs; function
// bodies need not be type-checked). False is exact: the vet tool's fast
// path then writes the package's export data and runs nothing there.
func MayExportFacts(files []*ast.File, info *types.Info) bool {
	return bodyown.MayExportFacts(files, info)
}
