package undrainedbody_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/analyzers/undrainedbody"
)

func enabled(t *testing.T) *analysis.Analyzer {
	a := undrainedbody.New()
	if err := a.Flags.Set("enable", "true"); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestUndrainedBody(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), enabled(t), "undrainedbody/basic", "undrainedbody/upgrade", "undrainedbody/percall", "undrainedbody/statussplit", "undrainedbody/origbody", "undrainedbody/ownconn", "undrainedbody/headhelper")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), enabled(t), "undrainedbody/fix")
}

// Off by default: the drivers leave it out unless asked for (the
// registry, analyzers.OptIn), and -undrainedbody.enable brings it back.
func TestOffByDefault(t *testing.T) {
	suite := analyzers.All()
	if slices.ContainsFunc(analyzers.Select(suite, nil, nil), isUndrained) {
		t.Error("undrainedbody runs by default")
	}
	for _, a := range suite {
		if isUndrained(a) {
			if err := a.Flags.Set("enable", "true"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !slices.ContainsFunc(analyzers.Select(suite, nil, nil), isUndrained) {
		t.Error("-undrainedbody.enable does not add undrainedbody")
	}
}

func isUndrained(a *analysis.Analyzer) bool { return a.Name == "undrainedbody" }
