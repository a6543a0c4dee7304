package unclosedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/analyzers/unclosedbody"
)

func TestUnclosedBody(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), unclosedbody.New(),
		"unclosedbody/paths",
		"unclosedbody/loops",
		"unclosedbody/ownership",
		"unclosedbody/crosspkg",
		"unclosedbody/nohttp",
		"unclosedbody/silent",
		"unclosedbody/weird",
		"unclosedbody/realworld",
		"unclosedbody/bodyclose_issue...",
		"unclosedbody/closedbycallee",
		"unclosedbody/passthrough",
		"unclosedbody/synthetic",
		"unclosedbody/nilguard",
		"unclosedbody/noreturn",
	)
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), unclosedbody.New(), "unclosedbody/fix")
}
