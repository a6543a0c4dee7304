package unclosedbody_test

import (
	"fmt"
	"os"
	"strings"
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
		"unclosedbody/retryflag",
		"unclosedbody/alias",
		"unclosedbody/roundtrip",
		"unclosedbody/upgrade",
		"unclosedbody/nobody",
		"unclosedbody/readerror",
		"unclosedbody/wrapdiscard",
		"unclosedbody/pathmsg",
		"unclosedbody/earlydefer",
		"unclosedbody/statussplit",
		"unclosedbody/ctxdone",
		"unclosedbody/retrycount",
		"unclosedbody/testhelper",
		"unclosedbody/condopen",
	)
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), unclosedbody.New(), "unclosedbody/fix")
}

// TestRelated checks that each finding in pathmsg points its related
// information at the line marked "// leak", and that every marked line
// is pointed at: the finding names a leak the program can take.
func TestRelated(t *testing.T) {
	results := analysistest.Run(t, testutil.TestData(), unclosedbody.New(), "unclosedbody/pathmsg")
	marked := map[string]bool{} // file:line
	got := map[string]bool{}
	for _, r := range results {
		for _, f := range r.Pass.Files {
			name := r.Pass.Fset.File(f.Pos()).Name()
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(src), "\n") {
				if strings.HasSuffix(line, "// leak") {
					marked[fmt.Sprintf("%s:%d", name, i+1)] = true
				}
			}
		}
		for _, d := range r.Diagnostics {
			if len(d.Related) == 0 {
				t.Errorf("%v: no related information", r.Pass.Fset.Position(d.Pos))
				continue
			}
			p := r.Pass.Fset.Position(d.Related[0].Pos)
			got[fmt.Sprintf("%s:%d", p.Filename, p.Line)] = true
		}
	}
	if len(marked) == 0 {
		t.Fatal("no line marked // leak")
	}
	for k := range marked {
		if !got[k] {
			t.Errorf("%s: marked // leak, but no finding points here", k)
		}
	}
	for k := range got {
		if !marked[k] {
			t.Errorf("%s: a finding points here, but the line is not marked // leak", k)
		}
	}
}
