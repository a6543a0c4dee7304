package perrequest_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/analyzers/perrequest"
)

func TestPerrequest(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), perrequest.New(),
		"perrequest/httphandler",
		"perrequest/frameworks",
		"perrequest/grpcsvc",
		"perrequest/lambdafn",
		"perrequest/loops",
		"perrequest/helpers",
		"perrequest/memo",
		"perrequest/testfiles",
		"perrequest/robust",
		"perrequest/roundtrip",
		"perrequest/reconciler",
		"perrequest/informer",
		"perrequest/lookalike",
		"perrequest/grpcclient",
		"perrequest/fasthttpclient",
		"perrequest/percall",
		"perrequest/percallmain",
		"perrequest/condbuild",
		"perrequest/loopitems",
		"perrequest/clicmd",
		"perrequest/expiry",
		"perrequest/clientview",
		"perrequest/fieldcopy",
		"perrequest/perobject",
	)
}

func TestPerrequestTestsFlag(t *testing.T) {
	a := perrequest.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "perrequest/testfiles_flag")
}

func TestPerrequestConstructorsFlag(t *testing.T) {
	a := perrequest.New()
	if err := a.Flags.Set("constructors", "database/sql.Open, perrequest/constructors/sdk.NewClient,perrequest/constructors/sdk.Factory.Connect,perrequest/constructors/sdk.Pool"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "perrequest/constructors")
}

func TestPerrequestConstructorsFlagErrors(t *testing.T) {
	for _, bad := range []string{"Open", "database/sql.", "database/sql.Open.", "example.com/x/", "a.b-c"} {
		if err := perrequest.New().Flags.Set("constructors", bad); err == nil {
			t.Errorf("-constructors=%q: no error", bad)
		}
	}
}
