package bodyown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/bodyown"
	"github.com/poollint/poollint/analyzers/internal/testutil"
)

// TestFacts checks the facts bodyown exports on the callee packages of
// unclosedbody's fixtures (their callers are checked by unclosedbody's
// test; analysistest checks only the facts of the analyzer it runs).
func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), bodyown.Analyzer,
		"unclosedbody/closedbycallee/lib",
		"unclosedbody/passthrough/lib",
		"unclosedbody/synthetic/lib",
		"unclosedbody/noreturn/die",
		"unclosedbody/statussplit/lib",
		"unclosedbody/condopen/lib",
	)
}
