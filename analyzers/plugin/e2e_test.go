package plugin

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poollint/poollint/analyzers/internal/testutil"
)

// TestGolangciLint builds golangci-lint v2.15.0 with the poollint plugin
// (the nested module testdata/golangci, built with plain go build: the
// equivalent of `golangci-lint custom`, which needs GitHub) and runs it
// on testdata/golangci/fixture. The first build on a machine compiles
// golangci-lint and its linters; later runs reuse the Go build cache.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds golangci-lint")
	}
	root := filepath.Join(testutil.TestData(), "golangci")
	fixture := filepath.Join(root, "fixture")
	bin := filepath.Join(t.TempDir(), "golangci-lint")

	start := time.Now()
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = root
	// -mod=mod: the nested go.sum may lag behind a dependency that the
	// root module (replaced in from ../..) has just gained.
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building golangci-lint with the plugin: %v\n%s", err, out)
	}
	t.Logf("go build of golangci-lint with the plugin: %s", time.Since(start).Round(time.Millisecond))

	cache := t.TempDir()
	run := func(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
		t.Helper()
		args = append([]string{"run",
			"--output.text.print-issued-lines=false",
			"--output.text.colors=false",
			"--show-stats=false",
			// Each run has its own cache; other golangci-lint runs on the
			// machine (another checkout's tests) must not fail this one.
			"--allow-parallel-runners",
		}, args...)
		args = append(args, "./...")
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			code = exit.ExitCode()
		case err != nil:
			t.Fatal(err)
		}
		return o.String(), e.String(), code
	}
	const (
		bad     = "main.go:13:32: perrequest: http.Transport created per request in handler badHandler; build it once and reuse it (poollint)\n"
		nolint  = "main.go:28:32: perrequest: http.Transport created per request in handler nolintHandler; build it once and reuse it (poollint)\n"
		ignored = "main.go:37:32: perrequest: http.Transport created per request in handler ignoredHandler; build it once and reuse it (poollint)\n"
		inTest  = "main_test.go:13:8: perrequest: http.Transport created per request in an HTTP handler literal; build it once and reuse it (poollint)\n"
	)
	check := func(t *testing.T, stdout, stderr string, code int, wantOut string, wantCode int) {
		t.Helper()
		if stdout != wantOut || code != wantCode {
			t.Errorf("exit code %d, output:\n%s\nwant exit code %d, output:\n%s\nstderr:\n%s", code, stdout, wantCode, wantOut, stderr)
		}
	}

	t.Run("findings", func(t *testing.T) {
		// goodHandler is silent; nolintHandler and ignoredHandler are
		// suppressed; the test file is skipped by default.
		stdout, stderr, code := run(t, fixture)
		check(t, stdout, stderr, code, bad, 1)
	})
	t.Run("suppression", func(t *testing.T) {
		// The same fixture without its //nolint and //poollint:ignore
		// comments: both findings come back.
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		stripped := strings.Replace(string(src), "//nolint:poollint // admin endpoint, hit once a day", "", 1)
		stripped = strings.Replace(stripped, "//poollint:ignore perrequest admin endpoint, hit once a day", "// (directive removed)", 1)
		if stripped == string(src) {
			t.Fatal("fixture lost its suppression comments")
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(stripped), 0o666); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := run(t, dir)
		check(t, stdout, stderr, code, bad+nolint+ignored, 1)
	})
	t.Run("setting tests", func(t *testing.T) {
		stdout, stderr, code := run(t, fixture, "-c", "tests.golangci.yml")
		check(t, stdout, stderr, code, bad+inTest, 1)
	})
	t.Run("setting disable", func(t *testing.T) {
		stdout, stderr, code := run(t, fixture, "-c", "disabled.golangci.yml")
		check(t, stdout, stderr, code, "", 0)
	})
	t.Run("example config", func(t *testing.T) {
		// .golangci.example.yml sets every setting: golangci-lint must
		// accept them all (exit 1 for the findings of the whole suite,
		// not 3 for a configuration error).
		example := filepath.Join(testutil.Root(), ".golangci.example.yml")
		stdout, stderr, code := run(t, fixture, "-c", example)
		if code != 1 || !strings.Contains(stdout, bad) {
			t.Errorf("exit code %d, want 1 and the perrequest finding; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
	t.Run("unknown key", func(t *testing.T) {
		_, stderr, code := run(t, fixture, "-c", "badkey.golangci.yml")
		want := `poollint settings: json: unknown field "test"; valid keys: enable, disable, perrequest, perrequest.constructors, perrequest.tests`
		if code != 3 || !strings.Contains(stderr, want) {
			t.Errorf("exit code %d, stderr:\n%s\nwant exit code 3 and %q", code, stderr, want)
		}
	})
}
