package clienttimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/clienttimeout"
	"github.com/poollint/poollint/analyzers/internal/testutil"
)

func TestClienttimeout(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), clienttimeout.New(),
		"clienttimeout/basic",
		"clienttimeout/nildefault",
		"clienttimeout/helperlib",
		"clienttimeout/helperuse",
		"clienttimeout/weird",
		"clienttimeout/testsonly",
		"clienttimeout/streaming",
		"clienttimeout/upgrade",
		"clienttimeout/alternative",
		"clienttimeout/fake",
		"clienttimeout/fakeclient",
		"clienttimeout/bounded",
		"clienttimeout/lambdah",
		"clienttimeout/cmdmain",
		"clienttimeout/examples/demo",
		"clienttimeout/sibling",
		"clienttimeout/twoclients",
		"clienttimeout/transportbound",
		"clienttimeout/pkgclient",
		"clienttimeout/factory",
		"clienttimeout/libreturned",
		"clienttimeout/liboptctx",
		"clienttimeout/libtransport",
		"clienttimeout/sdk/good",
		"clienttimeout/sdk/background",
		"clienttimeout/sdk/legacy",
		"clienttimeout/sdk/option",
		"clienttimeout/sdk/optionbad",
		"clienttimeout/sdk/funcopt",
		"clienttimeout/sdk/funcoptbad",
		"clienttimeout/sdk/iface",
		"clienttimeout/sdk/ifacegood",
		"clienttimeout/nildefaultbuilt",
		"clienttimeout/wrapperdo",
		"clienttimeout/defaultfield",
		"clienttimeout/vardecl",
		"clienttimeout/optctx",
		"clienttimeout/optctxshared",
		"clienttimeout/owners",
		"clienttimeout/ctxhelper",
		"clienttimeout/testhelper",
		"clienttimeout/directsend",
		"clienttimeout/generic/good",
		"clienttimeout/generic/bad",
		"clienttimeout/getteriface/good",
		"clienttimeout/getteriface/bad",
		"clienttimeout/nildefaultfactory",
		"clienttimeout/defaultcopy",
		"clienttimeout/wraptransport",
		"clienttimeout/sdk/literal",
		"clienttimeout/sdk/literalbad",
		"clienttimeout/callertransport",
	)
}

func TestAllowFlag(t *testing.T) {
	a := clienttimeout.New()
	if err := a.Flags.Set("allow", "stream*, *Events,allow.Watcher,newUpgrader"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "clienttimeout/allow")
}

func TestAllowFlagDefault(t *testing.T) {
	a := clienttimeout.New()
	if err := a.Flags.Set("allow", "default,*Poller"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "clienttimeout/allowdefault")
}

func TestTestsFlag(t *testing.T) {
	a := clienttimeout.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "clienttimeout/testsincluded", "clienttimeout/testsincluded/fake")
}

func TestCommandsFlag(t *testing.T) {
	a := clienttimeout.New()
	if err := a.Flags.Set("commands", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "clienttimeout/commands")
}
