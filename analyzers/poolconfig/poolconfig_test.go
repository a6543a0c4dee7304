package poolconfig_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/analyzers/poolconfig"
)

func TestPoolconfig(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), poolconfig.New(),
		"poolconfig/basic",
		"poolconfig/after",
		"poolconfig/helperlib",
		"poolconfig/helperuse",
		"poolconfig/weird",
		"poolconfig/testsonly",
		"poolconfig/examples/proxy",
		"poolconfig/globaldefault",
		"poolconfig/globalmain",
	)
}

func TestHTTP2Flag(t *testing.T) {
	a := poolconfig.New()
	if err := a.Flags.Set("http2", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "poolconfig/http2")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), poolconfig.New(), "poolconfig/fix")
}

func TestTestsFlag(t *testing.T) {
	a := poolconfig.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "poolconfig/testsincluded")
}

func TestMaxConnsFlag(t *testing.T) {
	a := poolconfig.New()
	for k, v := range map[string]string{"maxconns": "true"} {
		if err := a.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testutil.TestData(), a, "poolconfig/maxconns")
}
