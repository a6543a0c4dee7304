package passutil_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poollint/poollint/analyzers/internal/passutil"
)

// reach reports "reaches" at the package clause of every package that
// CanReach net/http.
var reach = &analysis.Analyzer{
	Name: "reach",
	Doc:  "report packages that can reach net/http",
	Run: func(pass *analysis.Pass) (any, error) {
		if passutil.CanReach(pass, "net/http") {
			pass.Reportf(pass.Files[0].Name.Pos(), "reaches")
		}
		return nil, nil
	},
}

func TestCanReach(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), reach, "direct", "lib", "viaapi", "nethttpsub", "none")
}
