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
	)
}
