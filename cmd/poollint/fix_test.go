package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poollint/poollint/analyzers"
)

// TestFixesCompile applies every suggested fix (poollint -fix, with the
// opt-in analyzer and every analyzer's test-file findings on) to copies
// of the end-to-end module and the demo, then checks that the result
// still builds and passes go vet. Golden files show a fix's text; this
// shows that fixes applied together, in real code, compile.
func TestFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds poollint and the end-to-end modules")
	}
	bin := filepath.Join(t.TempDir(), "poollint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// Every analyzer, every analyzer's findings in _test.go files too.
	args := []string{"-fix"}
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Name == "tests" || f.Name == analyzers.EnableFlag {
				args = append(args, "-"+a.Name+"."+f.Name+"=true")
			}
		})
	}
	args = append(args, "./...")

	for _, module := range []string{"e2e", "demo"} {
		t.Run(module, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), module)
			if err := os.CopyFS(dir, os.DirFS(abs(t, filepath.Join("../../testdata", module)))); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			run := func(name string, args ...string) []byte {
				t.Helper()
				cmd := exec.Command(name, args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
				}
				return out
			}
			// How many findings carry a fix, from the same run as JSON.
			fixes := bytes.Count(run(bin, append([]string{"-json"}, args[1:]...)...), []byte(`"suggested_fixes"`))
			run(bin, args...)
			after := snapshot(t, dir)
			var changed []string
			for name, content := range after {
				if !bytes.Equal(before[name], content) {
					changed = append(changed, name)
				}
			}
			// The test must be able to fail: the fixes were applied.
			if fixes > 0 && len(changed) == 0 {
				t.Fatalf("poollint -fix changed no file in %s, for %d findings with a fix", module, fixes)
			}
			t.Logf("%s: %d findings with a fix, applied to %d files: %s", module, fixes, len(changed), strings.Join(changed, ", "))
			run("go", "build", "./...")
			run("go", "vet", "./...")
		})
	}
}

// snapshot returns the content of every .go file below dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
