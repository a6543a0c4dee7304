package ignore

import (
	"flag"
	"go/ast"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// isAlpha marks functions whose names start with "alpha".
type isAlpha struct{}

func (*isAlpha) AFact()         {}
func (*isAlpha) String() string { return "isAlpha" }

// fake returns an analyzer that reports every call to a function whose
// name starts with prefix and, for "alpha", exports a fact on those
// functions, so the test also sees facts pass through the wrapper.
func fake(prefix string) *analysis.Analyzer {
	var verbose bool
	a := &analysis.Analyzer{
		Name:     prefix,
		Doc:      "report calls to " + prefix + "*",
		URL:      "https://example.com/" + prefix,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
	}
	if prefix == "alpha" {
		a.FactTypes = []analysis.Fact{new(isAlpha)}
	}
	a.Flags.BoolVar(&verbose, "verbose", false, "unused")
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if prefix == "alpha" && strings.HasPrefix(n.Name.Name, prefix) {
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], new(isAlpha))
					}
				case *ast.CallExpr:
					if id, ok := n.Fun.(*ast.Ident); ok && strings.HasPrefix(id.Name, prefix) {
						pass.Reportf(n.Pos(), "%s call", prefix)
					}
				}
				return true
			})
		}
		return nil, nil
	}
	return a
}

func TestDirectives(t *testing.T) {
	suite := Wrap(fake("alpha"), fake("beta"))
	// Each analyzer runs alone, as if the other were turned off.
	analysistest.Run(t, analysistest.TestData(), suite[0], "a")
	analysistest.Run(t, analysistest.TestData(), suite[1], "b")
}

func TestWrapKeepsIdentity(t *testing.T) {
	orig := fake("alpha")
	origRun := reflect.ValueOf(orig.Run).Pointer()
	w := Wrap(orig)[0]
	if w == orig {
		t.Fatal("Wrap returned the original analyzer; it must return a copy")
	}
	if reflect.ValueOf(orig.Run).Pointer() != origRun {
		t.Error("Wrap modified the original analyzer's Run")
	}
	if w.Name != orig.Name || w.Doc != orig.Doc || w.URL != orig.URL {
		t.Errorf("Name/Doc/URL changed: %q %q %q", w.Name, w.Doc, w.URL)
	}
	// The copy also requires the directive finder, computed once per
	// package for every analyzer; the original is untouched.
	if want := append(slices.Clone(orig.Requires), Analyzer); !reflect.DeepEqual(w.Requires, want) || !reflect.DeepEqual(w.FactTypes, orig.FactTypes) {
		t.Errorf("Requires or FactTypes: %v %v", w.Requires, w.FactTypes)
	}
	if slices.Contains(orig.Requires, Analyzer) {
		t.Error("Wrap modified the original's Requires")
	}
	// The copy's flags are the original's: setting one is seen by both.
	if err := w.Flags.Set("verbose", "true"); err != nil {
		t.Fatal(err)
	}
	if got := orig.Flags.Lookup("verbose").Value.String(); got != "true" {
		t.Errorf("original flag = %s after setting it through the wrapper, want true", got)
	}
	var names []string
	w.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if !reflect.DeepEqual(names, []string{"verbose"}) {
		t.Errorf("flags = %v", names)
	}
	if err := analysis.Validate([]*analysis.Analyzer{w}); err != nil {
		t.Error(err)
	}
}

// TestFilter: an analyzer filtered on its own (as each package exports
// it, for nogo) knows poollint's names, suppresses and reports stale
// directives like the suite does.
func TestFilter(t *testing.T) {
	a := fake("unclosedbody")
	analysistest.Run(t, analysistest.TestData(), Filter(a), "c")
}

// testsAware returns a fake analyzer named prefix with a -tests flag
// that, like poollint's, keeps it out of _test.go files unless set.
func testsAware(prefix string) *analysis.Analyzer {
	a := fake(prefix)
	var tests bool
	a.Flags.BoolVar(&tests, "tests", false, "also report in _test.go files")
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		if !tests {
			inner := *pass
			inner.Report = func(d analysis.Diagnostic) {
				if !strings.HasSuffix(pass.Fset.Position(d.Pos).Filename, "_test.go") {
					pass.Report(d)
				}
			}
			return run(&inner)
		}
		return run(pass)
	}
	return a
}

// TestTestFiles: a directive in a _test.go file is checked only when
// the analyzer it names looks at test files.
func TestTestFiles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Filter(testsAware("unclosedbody")), "d")
	on := Filter(testsAware("unclosedbody"))
	if err := on.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), on, "e")
}

func TestWrapFreshState(t *testing.T) {
	// Two suites built from fresh analyzers do not share flag values.
	s1, s2 := Wrap(fake("alpha")), Wrap(fake("alpha"))
	if err := s1[0].Flags.Set("verbose", "true"); err != nil {
		t.Fatal(err)
	}
	if got := s2[0].Flags.Lookup("verbose").Value.String(); got != "false" {
		t.Errorf("second suite sees verbose=%s", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"perreqest", "perrequest", 1},
		{"alpah", "alpha", 2}, {"kitten", "sitting", 3},
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := closest("betta", []string{"alpha", "beta"}); got != "beta" {
		t.Errorf("closest = %s", got)
	}
}
