package awsclient_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/awsclient"
	"github.com/poollint/poollint/analyzers/internal/testutil"
)

func TestAWSClient(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), awsclient.New(),
		"awsclient/v2lambda",
		"awsclient/v1lambda",
		"awsclient/helpers",
		"awsclient/memo",
		"awsclient/perrequest",
		"awsclient/testfiles",
		"awsclient/percall",
		"awsclient/loops",
		"awsclient/percalltests",
		"awsclient/percallinput",
		"awsclient/perobject",
		"awsclient/lazyinit",
		"awsclient/factorygroup",
	)
}

func TestAWSClientTestsFlag(t *testing.T) {
	a := awsclient.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "awsclient/testfiles_flag")
}
