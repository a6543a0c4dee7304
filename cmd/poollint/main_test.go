package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/poollint/poollint/analyzers"
)

// TestBinary builds poollint and runs it every way users do, on a module
// whose only findings (by default) are two poollint:ignore directives
// that suppress nothing. Those findings come from the shared directive filter, so the
// test does not depend on what the analyzers find.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "poollint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := abs(t, "testdata/directives")
	run := func(t *testing.T, name string, args ...string) (stdout, stderr string, code int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			code = exit.ExitCode()
		case err != nil:
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return o.String(), e.String(), code
	}
	const (
		stale   = `main.go:9:2: poollint:ignore suppresses no perrequest finding; remove the directive`
		unknown = `main.go:11:23: poollint:ignore names unknown analyzer "perreqest" \(did you mean perrequest\?\); known analyzers: `
	)
	wantFindings := func(t *testing.T, out string) {
		t.Helper()
		for _, re := range []string{stale, unknown} {
			if !regexp.MustCompile(re).MatchString(out) {
				t.Errorf("output lacks %s:\n%s", re, out)
			}
		}
	}

	t.Run("vet", func(t *testing.T) {
		_, stderr, code := run(t, "go", "vet", "-vettool="+bin, "./...")
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		wantFindings(t, stderr)
	})
	t.Run("vet disabled analyzer", func(t *testing.T) {
		// With perrequest off, its directives are not stale, and the
		// unknown name is perrequest's to report.
		_, stderr, code := run(t, "go", "vet", "-vettool="+bin, "-perrequest=false", "./...")
		if code != 0 || strings.Contains(stderr, "poollint:ignore") {
			t.Errorf("exit code %d, want 0 and no finding:\n%s", code, stderr)
		}
	})
	t.Run("standalone", func(t *testing.T) {
		_, stderr, code := run(t, bin, "./...")
		if code != 3 {
			t.Errorf("exit code %d, want 3", code)
		}
		wantFindings(t, stderr)
	})
	t.Run("opt-in directive", func(t *testing.T) {
		// fetch.go's directive names the opt-in undrainedbody: stale only
		// in a run that has undrainedbody on (issue 11).
		const staleOptIn = "fetch.go:11:29: poollint:ignore suppresses no undrainedbody finding"
		for _, tc := range []struct {
			args  []string
			stale bool
		}{
			{[]string{"./..."}, false},
			{[]string{"-undrainedbody.enable", "./..."}, true},
		} {
			_, stderr, _ := run(t, bin, tc.args...)
			if strings.Contains(stderr, staleOptIn) != tc.stale {
				t.Errorf("%v: stale undrainedbody reported = %v, want %v:\n%s", tc.args, !tc.stale, tc.stale, stderr)
			}
			_, stderr, _ = run(t, "go", append([]string{"vet", "-vettool=" + bin}, tc.args...)...)
			if strings.Contains(stderr, staleOptIn) != tc.stale {
				t.Errorf("go vet %v: stale undrainedbody reported = %v, want %v:\n%s", tc.args, !tc.stale, tc.stale, stderr)
			}
		}
	})
	t.Run("standalone error", func(t *testing.T) {
		_, _, code := run(t, bin, "./nosuchdir")
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
	})
	t.Run("type errors", func(t *testing.T) {
		// A package that does not type-check: its type error, as go vet
		// prints it, once; not a line per analyzer ("analysis skipped",
		// "failed prerequisites"), and exit 1.
		broken := t.TempDir()
		for name, content := range map[string]string{
			"go.mod": "module example.com/broken\n\ngo 1.26\n",
			"b.go":   "package broken\n\nimport \"net/http\"\n\nvar x int = \"s\"\n\nfunc get() { http.Get(\"x\") }\n",
		} {
			if err := os.WriteFile(filepath.Join(broken, name), []byte(content), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		for _, mode := range [][]string{nil, {"-json"}} {
			cmd := exec.Command(bin, append(mode, "./...")...)
			cmd.Dir = broken
			var o, e bytes.Buffer
			cmd.Stdout, cmd.Stderr = &o, &e
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Errorf("%v: %v, want exit code 1", mode, err)
			}
			const typeErr = `b.go:5:13: cannot use "s" (untyped string constant) as int value in variable declaration`
			if n := strings.Count(e.String(), typeErr); n != 1 {
				t.Errorf("%v: the type error appears %d times, want once:\n%s", mode, n, e.String())
			}
			for _, noise := range []string{"analysis skipped", "failed prerequisites", "clienttimeout"} {
				if strings.Contains(e.String(), noise) {
					t.Errorf("%v: output contains %q:\n%s", mode, noise, e.String())
				}
			}
		}
	})
	t.Run("dependency facts", func(t *testing.T) {
		// A dependency that imports neither net/http nor any pool package
		// but closes an io.Closer still gets its facts computed: the
		// vet tool's fast path for such dependencies must not skip it,
		// or the body it closes would be reported as never closed.
		mod := t.TempDir()
		for name, content := range map[string]string{
			"go.mod":             "module example.com/dep\n\ngo 1.26\n",
			"closers/closers.go": "package closers\n\nimport \"io\"\n\nfunc Quietly(c io.Closer) { _ = c.Close() }\n",
			// A dependency that never returns: the leak-free exit path
			// in app must stay silent under the vet tool too.
			"fatal/fatal.go": "package fatal\n\nimport \"log\"\n\nfunc Die(msg string) { log.Fatal(msg) }\n",
			"app/app.go": "package app\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/dep/closers\"\n\t\"example.com/dep/fatal\"\n)\n\n" +
				"func Status(c *http.Client, url string) int {\n\tresp, err := c.Get(url)\n\tif err != nil {\n\t\treturn 0\n\t}\n\tdefer closers.Quietly(resp.Body)\n\treturn resp.StatusCode\n}\n\n" +
				"func MustOK(c *http.Client, url string) int {\n\tresp, err := c.Get(url)\n\tif err != nil {\n\t\treturn 0\n\t}\n\tif resp.StatusCode == http.StatusOK {\n\t\tdefer resp.Body.Close()\n\t\treturn resp.StatusCode\n\t}\n\tfatal.Die(resp.Status)\n\treturn 0\n}\n",
		} {
			path := filepath.Join(mod, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "./app") // closers is a dependency only
		cmd.Dir = mod
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("poollint ./app: %v, want no finding:\n%s", err, out)
		}
	})
	t.Run("json", func(t *testing.T) {
		stdout, _, code := run(t, bin, "-json", "./...")
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
		var tree map[string]map[string][]struct{ Posn, Message string }
		if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
			t.Fatalf("%v\n%s", err, stdout)
		}
		if n := len(tree["example.com/directives"]["perrequest"]); n != 2 {
			t.Errorf("%d perrequest findings, want 2:\n%s", n, stdout)
		}
	})
	t.Run("sarif", func(t *testing.T) {
		stdout, _, code := run(t, bin, "-sarif", "./...")
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
		validateSARIF(t, []byte(stdout))
		var log sarifLog
		if err := json.Unmarshal([]byte(stdout), &log); err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, r := range log.Runs[0].Tool.Driver.Rules {
			rules = append(rules, r.ID)
			if r.HelpURI == "" || !strings.Contains(r.Help.Markdown, "BAD") {
				t.Errorf("rule %s lacks help or link: %+v", r.ID, r)
			}
			_, optIn := analyzers.OptIn()[r.ID]
			if enabled := r.DefaultConfiguration.Enabled; optIn != (enabled != nil && !*enabled) {
				t.Errorf("rule %s: defaultConfiguration.enabled = %v, opt-in = %v", r.ID, enabled, optIn)
			}
		}
		var names []string
		for _, a := range analyzers.All() {
			names = append(names, a.Name)
		}
		if strings.Join(rules, ",") != strings.Join(names, ",") {
			t.Errorf("rules %v, want one per analyzer %v", rules, names)
		}
		res := log.Runs[0].Results
		if len(res) != 2 || res[0].RuleID != "perrequest" || res[0].Locations[0].PhysicalLocation.Region != (sarifRegion{9, 2, 9, 57}) {
			t.Errorf("results = %+v", res)
		}
	})
	t.Run("diff", func(t *testing.T) {
		// No finding here has a fix: -fix -diff prints nothing, exits 0.
		stdout, _, code := run(t, bin, "-fix", "-diff", "./...")
		if code != 0 || stdout != "" {
			t.Errorf("exit code %d, output %q; want 0 and none", code, stdout)
		}
	})
	t.Run("flags", func(t *testing.T) {
		// go vet learns the tool's flags from -flags: -sarif must not be
		// among them (it means nothing per package unit).
		stdout, _, code := run(t, bin, "-flags")
		var flags []struct{ Name string }
		if err := json.Unmarshal([]byte(stdout), &flags); err != nil || code != 0 {
			t.Fatalf("-flags: exit %d, %v\n%s", code, err, stdout)
		}
		var names []string
		for _, f := range flags {
			names = append(names, f.Name)
		}
		got := strings.Join(names, " ")
		if strings.Contains(got, "sarif") || !strings.Contains(got, "perrequest.tests") {
			t.Errorf("-flags lists %s", got)
		}
	})
	t.Run("version", func(t *testing.T) {
		stdout, _, code := run(t, bin, "-V=full")
		if code != 0 || !strings.Contains(stdout, "poollint version ") {
			t.Errorf("-V=full: exit %d, %q", code, stdout)
		}
	})
	t.Run("help", func(t *testing.T) {
		stdout, _, code := run(t, bin, "help")
		if code != 0 {
			t.Errorf("help: exit code %d", code)
		}
		// What poollint finds, every analyzer with its default, the
		// output modes with their exit codes, and the way on.
		wants := []string{"connection-pool mistakes", "-json", "-sarif", "-fix -diff", "3 / 0 / 1", "help NAME"}
		for _, a := range analyzers.All() {
			def := "on"
			if _, ok := analyzers.OptIn()[a.Name]; ok {
				def = "opt-in (-" + a.Name + ".enable)"
			}
			wants = append(wants, "  "+a.Name+"  ")
			if !regexp.MustCompile(`(?m)^  ` + a.Name + ` +` + regexp.QuoteMeta(def) + ` `).MatchString(stdout) {
				t.Errorf("help does not list %s as %s", a.Name, def)
			}
		}
		for _, want := range wants {
			if !strings.Contains(stdout, want) {
				t.Errorf("help lacks %q:\n%s", want, stdout)
			}
		}
		for _, noise := range []string{"Printf", "SplitSeq"} { // x/tools' generic help
			if strings.Contains(stdout, noise) {
				t.Errorf("help mentions %s", noise)
			}
		}
		if _, stderr, code := run(t, bin, "help", "nosuch"); code != 1 || !strings.Contains(stderr, `no analyzer "nosuch"`) {
			t.Errorf("help nosuch: exit %d, %q", code, stderr)
		}
		for _, a := range analyzers.All() {
			stdout, _, code := run(t, bin, "help", a.Name)
			if code != 0 {
				t.Errorf("help %s: exit code %d", a.Name, code)
			}
			for _, want := range []string{a.Name + ": ", "BAD", "GOOD"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("help %s lacks %q:\n%s", a.Name, want, stdout)
				}
			}
			a.Flags.VisitAll(func(f *flag.Flag) {
				if !strings.Contains(stdout, "-"+a.Name+"."+f.Name) {
					t.Errorf("help %s lacks flag -%s.%s", a.Name, a.Name, f.Name)
				}
			})
		}
	})
	_ = os.Remove(bin)
}
