package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers"
)

// leaky reports every call to a function named leak, with the function's
// declaration as related location and a fix that deletes the call.
func leaky() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "leaky",
		Doc:      "report calls to leak\n\nCalls to leak leak.\n\nBAD:\n\n\tleak()",
		URL:      "https://example.com/leaky",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				id, ok := call.Fun.(*ast.Ident)
				if !ok || id.Name != "leak" {
					continue
				}
				decl := pass.TypesInfo.Uses[id]
				pass.Report(analysis.Diagnostic{
					Pos:     call.Pos(),
					End:     call.End(),
					Message: "leak called",
					Related: []analysis.RelatedInformation{{Pos: decl.Pos(), End: decl.Pos() + token.Pos(len("leak")), Message: "leak is declared here"}},
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Remove the call",
						TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End()}},
					}},
				})
			}
			return nil, nil
		},
	}
}

func quiet() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "quiet",
		Doc:  "report nothing\n\nIt never reports.",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// testVettool, set in the environment, makes this test binary a vet
// tool holding leaky and quiet, for go vet to run per package.
const testVettool = "POOLLINT_TEST_VETTOOL"

func TestMain(m *testing.M) {
	if os.Getenv(testVettool) == "1" {
		unitchecker.Main(leaky(), quiet())
	}
	os.Exit(m.Run())
}

// runSARIF runs the standalone driver with this test binary as the vet
// tool (leaky and quiet).
func runSARIF(t *testing.T, dir string, args ...string) (*sarifLog, []byte, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(testVettool, "1")
	var stdout, stderr bytes.Buffer
	d := &driver{progname: "poollint", vettool: exe, suite: []*analysis.Analyzer{leaky(), quiet()}, dir: dir, stdout: &stdout, stderr: &stderr}
	code := d.main(args)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	var log sarifLog
	if code != 1 || stdout.Len() > 0 {
		if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
		}
	}
	return &log, stdout.Bytes(), code
}

func TestSARIF(t *testing.T) {
	dir := abs(t, "testdata/sarifmod")
	log, raw, code := runSARIF(t, dir, "-sarif", "./...")
	if code != 0 {
		t.Fatalf("exit code %d, want 0 (findings do not fail -sarif)", code)
	}
	validateSARIF(t, raw)

	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if !reflect.DeepEqual(ids, []string{"leaky", "quiet"}) {
		t.Errorf("rules = %v, want [leaky quiet]", ids)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.ShortDescription.Text != "report calls to leak" || rule.HelpURI != "https://example.com/leaky" ||
		!strings.Contains(rule.Help.Markdown, "```go\nleak()\n```") || rule.Help.Text == "" {
		t.Errorf("rule leaky = %+v", rule)
	}
	if got := run.OriginalURIBaseIDs[srcRoot].URI; got != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("%%SRCROOT%% = %s", got)
	}
	if !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("executionSuccessful = false: %+v", run.Invocations[0].Notifications)
	}

	one := 1
	loc := func(uri string, sl, sc, el, ec int) sarifPhysicalLocation {
		return sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLoc{URI: uri, URIBaseID: srcRoot},
			Region:           sarifRegion{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec},
		}
	}
	related := []sarifLocation{{ID: &one, PhysicalLocation: loc("a.go", 3, 6, 3, 10), Message: &sarifText{"leak is declared here"}}}
	fix := func(l sarifPhysicalLocation) []sarifFix {
		return []sarifFix{{
			Description: sarifText{"Remove the call"},
			ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: l.ArtifactLocation,
				Replacements:     []sarifReplacement{{DeletedRegion: l.Region}},
			}},
		}}
	}
	// a.go line 6: "func use() { /* ü€😀 */ leak() }". The call starts at
	// byte column 30, UTF-16 column 25 (😀 is two code units), and ends
	// (exclusive) at 31. The file is analysed twice (package and test
	// variant) but reported once.
	inA := loc("a.go", 6, 25, 6, 31)
	inTest := loc("a_test.go", 6, 2, 6, 8)
	want := []sarifResult{
		{RuleID: "leaky", Level: "warning", Message: sarifText{"leak called"}, Locations: []sarifLocation{{PhysicalLocation: inA}}, RelatedLocations: related, Fixes: fix(inA)},
		{RuleID: "leaky", Level: "warning", Message: sarifText{"leak called"}, Locations: []sarifLocation{{PhysicalLocation: inTest}}, RelatedLocations: related, Fixes: fix(inTest)},
	}
	if !reflect.DeepEqual(run.Results, want) {
		got, _ := json.MarshalIndent(run.Results, "", "  ")
		exp, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("results:\n%s\nwant:\n%s", got, exp)
	}
}

func TestSARIFFlags(t *testing.T) {
	dir := abs(t, "testdata/sarifmod")
	for _, tc := range []struct {
		args    []string
		results int
	}{
		{[]string{"-sarif", "-leaky=false", "./..."}, 0},
		{[]string{"-sarif", "-quiet", "./..."}, 0}, // only quiet runs
		{[]string{"-sarif", "-quiet=false", "./..."}, 2},
		{[]string{"-sarif", "-test=false", "./..."}, 1},
		{[]string{"-sarif=true", "-leaky", "./..."}, 2},
	} {
		log, _, code := runSARIF(t, dir, tc.args...)
		if code != 0 {
			t.Errorf("%v: exit code %d", tc.args, code)
			continue
		}
		if got := len(log.Runs[0].Results); got != tc.results {
			t.Errorf("%v: %d results, want %d", tc.args, got, tc.results)
		}
		if got := len(log.Runs[0].Tool.Driver.Rules); got != 2 {
			t.Errorf("%v: %d rules, want 2 (disabled analyzers keep their rule)", tc.args, got)
		}
	}
}

func TestSARIFErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/broken\n\ngo 1.26\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.go"), []byte("package broken\n\nvar x int = \"s\"\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	log, raw, code := runSARIF(t, dir, "-sarif", "./...")
	if code != 1 {
		t.Errorf("exit code %d on a type error, want 1", code)
	}
	validateSARIF(t, raw)
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) == 0 || !strings.Contains(inv.Notifications[0].Message.Text, "cannot use") {
		t.Errorf("invocation = %+v, want a failed execution with the type error", inv)
	}

	if _, _, code := runSARIF(t, dir, "-sarif", "-json", "./..."); code != 1 {
		t.Errorf("-sarif -json: exit code %d, want 1 (they do not combine)", code)
	}
	if _, _, code := runSARIF(t, dir, "-sarif"); code != 1 {
		t.Errorf("-sarif without packages: exit code %d, want 1", code)
	}
}

func TestVetProtocol(t *testing.T) {
	for args, want := range map[string]bool{
		"-flags":                true,
		"-V=full":               true,
		"--V=full":              true,
		"-printfuncs=x vet.cfg": true,
		"./...":                 false,
		"-sarif ./...":          false,
		"help perrequest":       false,
	} {
		if got := vetProtocol(strings.Fields(args)); got != want {
			t.Errorf("vetProtocol(%s) = %v, want %v", args, got, want)
		}
	}
}

// validateSARIF checks raw against the SARIF 2.1.0 JSON schema with the
// sarifcheck tool, a nested module so that the validator stays out of
// poollint's go.mod.
func validateSARIF(t *testing.T, raw []byte) {
	t.Helper()
	if testing.Short() {
		t.Log("-short: SARIF schema validation skipped")
		return
	}
	bin := filepath.Join(t.TempDir(), "sarifcheck")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = abs(t, "../../testdata/sarifcheck")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building sarifcheck: %v\n%s", err, out)
	}
	file := filepath.Join(t.TempDir(), "out.sarif")
	if err := os.WriteFile(file, raw, 0o666); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, file).CombinedOutput(); err != nil {
		t.Errorf("SARIF output is not valid SARIF 2.1.0: %v\n%s", err, out)
	}
}

// abs returns the absolute path of a path relative to this package's
// directory, where go test runs.
func abs(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.FromSlash(rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWithOptIn(t *testing.T) {
	suite := analyzers.All()
	for args, want := range map[string]string{
		"vet.cfg":                             "-undrainedbody=false vet.cfg",
		"-perrequest.tests=true vet.cfg":      "-undrainedbody=false -perrequest.tests=true vet.cfg",
		"-undrainedbody.enable vet.cfg":       "-undrainedbody.enable vet.cfg",
		"-undrainedbody.enable=false vet.cfg": "-undrainedbody=false -undrainedbody.enable=false vet.cfg",
		"-undrainedbody vet.cfg":              "-undrainedbody vet.cfg",
		"-perrequest vet.cfg":                 "-perrequest vet.cfg",
		"-undrainedbody=false vet.cfg":        "-undrainedbody=false vet.cfg",
		"-clienttimeout.allow x -flags":       "-undrainedbody=false -clienttimeout.allow x -flags",
	} {
		if got := strings.Join(withOptIn(suite, strings.Fields(args)), " "); got != want {
			t.Errorf("withOptIn(%s) = %s, want %s", args, got, want)
		}
	}
}

// TestFixDiff: -fix -diff prints the fixes as a unified diff, leaves the
// files alone and exits 0; plain text exits 3 with the related location
// indented under its finding.
func TestFixDiff(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(abs(t, "testdata/sarifmod"))); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "a.go"))
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(testVettool, "1")
	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		d := &driver{progname: "poollint", vettool: exe, suite: []*analysis.Analyzer{leaky(), quiet()}, dir: dir, stdout: &stdout, stderr: &stderr}
		code := d.main(args)
		return stdout.String(), stderr.String(), code
	}
	stdout, stderr, code := run("-fix", "-diff", "./...")
	if code != 0 || !strings.Contains(stdout, "-func use() { /* ü€😀 */ leak() }") || !strings.Contains(stdout, "+func use() { /* ü€😀 */ }") {
		t.Errorf("-fix -diff: exit code %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "a.go")); !bytes.Equal(before, after) {
		t.Error("-fix -diff changed a.go")
	}
	_, stderr, code = run("./...")
	if code != 3 || !strings.Contains(stderr, "a.go:6:30: leak called\n") || !strings.Contains(stderr, "a.go:3:6: \tleak is declared here\n") {
		t.Errorf("text: exit code %d, stderr:\n%s", code, stderr)
	}
}
