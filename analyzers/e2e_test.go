package analyzers_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/analyzers/internal/testutil"
)

// The end-to-end test builds the poollint binary and runs it, through
// go vet and standalone, on nested modules under testdata/ that require
// the real aws-lambda-go, aws-sdk-go-v2 and chi from the module proxy.
// Every finding must match a `// want` comment on its line, and every
// `// want` must be matched: the findings are exact.

// A suite is one end-to-end run: a nested module, the packages to
// check, and the flags that select analyzers.
type suite struct {
	name    string
	module  string   // directory of the module
	wantDir string   // where the // want comments live
	args    []string // analyzer flags and package patterns
}

// suites returns the demo and one run per folder of testdata/e2e. A
// folder named after an analyzer is checked with that analyzer alone, so
// that its real-module findings are exact and independent of the rest;
// any other folder, like the demo, is checked with the whole suite.
func suites(t *testing.T) []suite {
	demo := filepath.Join(testutil.TestData(), "demo")
	out := []suite{{name: "demo", module: demo, wantDir: demo, args: []string{"./..."}}}
	e2e := filepath.Join(testutil.TestData(), "e2e")
	entries, err := os.ReadDir(e2e)
	if err != nil {
		t.Fatal(err)
	}
	names := make(map[string]bool)
	for _, a := range analyzers.All() {
		names[a.Name] = true
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		s := suite{
			name:    e.Name(),
			module:  e2e,
			wantDir: filepath.Join(e2e, e.Name()),
			args:    []string{"./" + e.Name() + "/..."},
		}
		if names[e.Name()] {
			s.args = append([]string{"-" + e.Name()}, s.args...)
		}
		out = append(out, s)
	}
	return out
}

func buildPoollint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "poollint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/poollint/poollint/cmd/poollint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs a command in dir and returns its combined output and exit code.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	return "", -1
}

func TestEndToEnd(t *testing.T) {
	bin := buildPoollint(t)
	for _, s := range suites(t) {
		dir := s.module
		wants, err := testutil.Wants(s.wantDir)
		if err != nil {
			t.Fatal(err)
		}
		if len(wants) == 0 {
			t.Fatalf("%s: no // want comments: the test would assert nothing", s.name)
		}

		t.Run(s.name+"/vet", func(t *testing.T) {
			out, code := run(t, dir, "go", append([]string{"vet", "-vettool=" + bin}, s.args...)...)
			if code != 1 {
				t.Errorf("go vet exit code = %d, want 1\n%s", code, out)
			}
			testutil.Match(t, wants, testutil.ParseFindings(out, dir))
		})

		t.Run(s.name+"/standalone", func(t *testing.T) {
			out, code := run(t, dir, bin, s.args...)
			if code != 3 {
				t.Errorf("poollint exit code = %d, want 3\n%s", code, out)
			}
			testutil.Match(t, wants, testutil.ParseFindings(out, dir))
		})

		t.Run(s.name+"/json", func(t *testing.T) {
			cmd := exec.Command(bin, append([]string{"-json"}, s.args...)...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOWORK=off")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("poollint -json: %v (want exit 0)\n%s", err, out)
			}
			// {"pkg": {"analyzer": [{"posn": "file:line:col", "message": "..."}]}}
			var tree map[string]map[string]json.RawMessage
			if err := json.Unmarshal(out, &tree); err != nil {
				t.Fatalf("poollint -json: invalid JSON: %v\n%s", err, out)
			}
			var findings []testutil.Finding
			for _, byAnalyzer := range tree {
				for _, raw := range byAnalyzer {
					var diags []struct{ Posn, Message string }
					if err := json.Unmarshal(raw, &diags); err != nil {
						continue // an {"error": ...} entry is reported below
					}
					for _, d := range diags {
						findings = append(findings, testutil.ParseFindings(d.Posn+": "+d.Message, dir)...)
					}
				}
			}
			testutil.Match(t, wants, findings)
		})
	}
}
