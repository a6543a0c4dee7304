package undrainedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

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
	analysistest.Run(t, testutil.TestData(), enabled(t), "undrainedbody/basic")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), enabled(t), "undrainedbody/fix")
}

// Off by default: the same fixtures report nothing without the flag.
func TestOffByDefault(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), undrainedbody.New(), "undrainedbody/off")
}
