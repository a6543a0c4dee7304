package poolsize_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/analyzers/poolsize"
)

func TestPoolsize(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), poolsize.New(),
		"poolsize/fanouts",
		"poolsize/pools",
		"poolsize/hosts",
		"poolsize/servers",
		"poolsize/sdk",
		"poolsize/poollib",
		"poolsize/pooluse",
		"poolsize/testfiles",
	)
}

func TestTestsFlag(t *testing.T) {
	a := poolsize.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "poolsize/testsflag")
}
