package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/internal/docmd"
)

// help writes poollint's help (no args) or one analyzer's documentation
// and flags (help NAME), and returns the exit code.
func help(stdout, stderr io.Writer, progname string, suite []*analysis.Analyzer, args []string) int {
	if len(args) == 0 {
		overview(stdout, progname, suite)
		return 0
	}
	code := 0
	for _, name := range args {
		a := find(suite, name)
		if a == nil {
			fmt.Fprintf(stderr, "%s: no analyzer %q; run \"%s help\" for the list\n", progname, name, progname)
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", a.Name, strings.TrimPrefix(a.Doc, a.Name+": "))
		if why, ok := analyzers.OptIn()[a.Name]; ok {
			fmt.Fprintf(stdout, "\nOpt-in (%s): run it with -%s.enable (added to the others) or -%s (alone).\n", why, a.Name, a.Name)
		}
		var flags strings.Builder
		tw := tabwriter.NewWriter(&flags, 0, 8, 2, ' ', 0)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(tw, "  -%s.%s\t%s (default %s)\n", a.Name, f.Name, f.Usage, defValue(f))
		})
		tw.Flush()
		if flags.Len() > 0 {
			fmt.Fprintf(stdout, "\nFlags:\n%s", flags.String())
		}
		fmt.Fprintf(stdout, "\n%s\n", a.URL)
	}
	return code
}

func find(suite []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func defValue(f *flag.Flag) string {
	if f.DefValue == "" {
		return `""`
	}
	return f.DefValue
}

// overview is "poollint help": what poollint finds, the analyzers and
// their defaults, how to run it, the output modes and exit codes.
func overview(w io.Writer, progname string, suite []*analysis.Analyzer) {
	progname = "poollint" // the name users install it under
	fmt.Fprintf(w, `%[1]s finds HTTP connection-pool mistakes in Go code: transports, clients
and AWS SDK clients built per request, transports configured to defeat
their own pool, clients without a timeout, and response bodies that are
not closed (or not drained) on every path.

Usage:
  %[1]s [flags] [packages]          run the analyzers (through go vet)
  go vet -vettool=$(which %[1]s) [flags] [packages]
  %[1]s help NAME                   an analyzer's documentation and flags

Analyzers:
`, progname)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	optIn := analyzers.OptIn()
	for _, a := range suite {
		def := "on"
		if _, ok := optIn[a.Name]; ok {
			def = "opt-in (-" + a.Name + ".enable)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.Name, def, docmd.Summary(a.Doc))
	}
	tw.Flush()
	fmt.Fprintf(w, `
Choosing analyzers:
  -NAME                run only the analyzers named this way
  -NAME=false          run all default analyzers but this one
  -NAME.enable         add an opt-in analyzer to the default ones
  -NAME.FLAG=value     an analyzer's flag (see %[1]s help NAME)

Output and exit codes (findings / no findings / errors):
`, progname)
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, m := range [][3]string{
		{"poollint ./...", "text on standard error", "3 / 0 / 1"},
		{"poollint -c=N ./...", "text, N lines of context", "3 / 0 / 1"},
		{"poollint -json ./...", "one JSON document on standard output", "0 / 0 / 1"},
		{"poollint -sarif ./...", "SARIF 2.1.0 on standard output", "0 / 0 / 1"},
		{"poollint -fix ./...", "apply the suggested fixes", "0 / 0 / 1"},
		{"poollint -fix -diff ./...", "show the fixes as a unified diff", "0 / 0 / 1"},
		{"go vet -vettool=$(which poollint) ./...", "text on standard error", "1 / 0 / 1"},
	} {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", m[0], m[1], m[2])
	}
	tw.Flush()
	fmt.Fprintf(w, `
Other flags:
  -tags=a,b            build tags, as for go build
  -test=false          drop findings in _test.go files
  -debug.checker       load every package into one process (x/tools' checker)
                       instead of running go vet; for debugging poollint

Standalone %[1]s runs "go vet -vettool=%[1]s": the go command must be on
PATH, and it caches each package's result, so a second run on unchanged
code is fast. Silence a finding you have judged with
  //poollint:ignore NAME[,NAME] reason
at the end of its line or on the line above.
`, progname)
}
