package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"go/build"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/gcexportdata"
)

// TestExportOnly: which go vet dependency units the vet tool only
// writes export data for.
func TestExportOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}
	vetx := func(name string, facts uint32) string {
		h := []byte("vetx\x00\x00\x00\x00\x00\x00\x00\x00")
		binary.LittleEndian.PutUint32(h[8:], facts)
		return write(name, h)
	}
	noFacts, withFacts := vetx("a.vetx", 0), vetx("b.vetx", 42)
	for _, tc := range []struct {
		name    string
		cfg     map[string]any
		extra   []string
		ok, std bool
	}{
		{"no pool import, no facts", map[string]any{"ImportMap": map[string]string{"fmt": "fmt"}, "PackageVetx": map[string]string{"example.com/a": noFacts}}, nil, true, false},
		{"imports net/http/httptest", map[string]any{"ImportMap": map[string]string{"net/http/httptest": "net/http/httptest"}}, nil, false, false},
		{"imports the AWS SDK", map[string]any{"ImportMap": map[string]string{"s3": "github.com/aws/aws-sdk-go-v2/service/s3"}}, nil, false, false},
		{"is gRPC", map[string]any{"ImportPath": "google.golang.org/grpc/credentials"}, nil, false, false},
		{"imports a -perrequest.constructors package", map[string]any{"ImportMap": map[string]string{"example.com/db": "example.com/db"}}, []string{"example.com/db"}, false, false},
		{"an import carries facts", map[string]any{"PackageVetx": map[string]string{"example.com/b": withFacts}}, nil, false, false},
		{"an import's vetx is unreadable", map[string]any{"PackageVetx": map[string]string{"example.com/c": filepath.Join(dir, "missing.vetx")}}, nil, false, false},
		{"diagnostics wanted", map[string]any{"VetxOnly": false}, nil, false, false},
		{"standard library", map[string]any{"Dir": filepath.Join(build.Default.GOROOT, "src", "net", "http"), "ImportMap": map[string]string{"net/http": "net/http"}}, nil, true, true},
	} {
		cfg := map[string]any{"VetxOnly": true, "Dir": dir, "ImportPath": "example.com/p"}
		maps.Copy(cfg, tc.cfg)
		data, _ := json.Marshal(cfg)
		if ok, std := exportOnly(readUnit(write("unit.cfg", data)), tc.extra); ok != tc.ok || std != tc.std {
			t.Errorf("%s: exportOnly = %v, %v; want %v, %v", tc.name, ok, std, tc.ok, tc.std)
		}
	}
}

func TestConstructorPackages(t *testing.T) {
	for args, want := range map[string]string{
		"-perrequest.constructors=example.com/db.Open,example.com/x/redis.Client.Do vet.cfg": "example.com/db example.com/x/redis",
		"--perrequest.constructors database/sql.Open vet.cfg":                                "database/sql",
		"-perrequest.tests vet.cfg":                                                          "",
		"-- -perrequest.constructors=a.B":                                                    "",
	} {
		if got := strings.Join(constructorPackages(strings.Fields(args)), " "); got != want {
			t.Errorf("constructorPackages(%s) = %q, want %q", args, got, want)
		}
	}
}

// TestTypesOnly: the export data typesOnly writes from declarations
// alone serves an importer, and a package with a function about which
// bodyown could export a fact is left to the suite.
func TestTypesOnly(t *testing.T) {
	dir := t.TempDir()
	unit := func(path string, src string, imports map[string]string) string {
		t.Helper()
		name := strings.ReplaceAll(path, "/", "_")
		goFile := filepath.Join(dir, name+".go")
		if err := os.WriteFile(goFile, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
		importMap, vetx := map[string]string{}, map[string]string{}
		for p, f := range imports {
			importMap[p], vetx[p] = p, f
		}
		data, _ := json.Marshal(map[string]any{
			"ImportPath": path, "GoFiles": []string{goFile}, "ImportMap": importMap, "PackageVetx": vetx,
			"VetxOnly": true, "VetxOutput": filepath.Join(dir, name+".vetx"), "GoVersion": "go1.26",
		})
		cfg := filepath.Join(dir, name+".cfg")
		if err := os.WriteFile(cfg, data, 0o666); err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	vetxOf := func(cfg string) string { return strings.TrimSuffix(cfg, ".cfg") + ".vetx" }

	// Bodies are not checked: an error in one does not matter, and
	// the declarations' types are what the importer sees.
	a := unit("example.com/a", `package a

type T struct{ N int }

func (t T) Double() int { return t.N * undefinedInBody }

var V = func() T { return T{N: 2} }()

const C = len("four")
`, nil)
	if !typesOnly(readUnit(a), true) {
		t.Fatal("typesOnly(a) = false, want true")
	}
	b := unit("example.com/b", `package b

import "example.com/a"

func F(t a.T) [a.C]int { return [a.C]int{t.Double()} }

var W = a.V
`, map[string]string{"example.com/a": vetxOf(a)})
	if !typesOnly(readUnit(b), true) {
		t.Fatal("typesOnly(b) = false, want true")
	}
	data, err := os.ReadFile(vetxOf(b))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := factsLen(vetxOf(b)); !ok || n != 0 {
		t.Errorf("factsLen(b.vetx) = %d, %v; want 0, true", n, ok)
	}
	export, err := vetxTypes(vetxOf(b))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	imports := map[string]*types.Package{}
	pkg, err := gcexportdata.Read(bytes.NewReader(append([]byte{'i'}, export...)), fset, imports, "example.com/b")
	if err != nil {
		t.Fatalf("reading b's export data (%d bytes): %v", len(data), err)
	}
	if got := pkg.Scope().Lookup("F").Type().String(); got != "func(t example.com/a.T) [4]int" {
		t.Errorf("b.F: %s", got)
	}
	if got := pkg.Scope().Lookup("W").Type().String(); got != "example.com/a.T" {
		t.Errorf("b.W: %s", got)
	}

	// A type error in a declaration: left to unitchecker, which
	// reports it.
	if typesOnly(readUnit(unit("example.com/bad", "package bad\n\nvar X undefinedType\n", nil)), true) {
		t.Error("typesOnly(bad) = true, want false")
	}

	// Functions about which bodyown could export a fact: the suite runs.
	for _, src := range []string{
		"package p\n\ntype Closer interface{ Close() error }\n\nfunc Quiet(c Closer) { c.Close() }\n",
		"package p\n\nfunc Die(msg string) { panic(msg) }\n",
		"package p\n\ntype logger struct{}\n\nfunc (logger) Fatal(string) {}\n\nfunc Die(l logger, msg string) { l.Fatal(msg) }\n",
		"package p\n\nfunc Fail(err error) {\n\tif err != nil {\n\t\tpanic(err)\n\t} else {\n\t\tpanic(\"nil\")\n\t}\n}\n",
	} {
		cfg := unit("example.com/p", src, nil)
		if typesOnly(readUnit(cfg), true) {
			t.Errorf("typesOnly(%q) = true, want false", src)
		}
		if !typesOnly(readUnit(cfg), false) {
			t.Errorf("typesOnly(%q) without facts = false, want true", src)
		}
	}
	// Returns on some path: no fact, export only.
	if !typesOnly(readUnit(unit("example.com/check", "package check\n\nfunc Check(ok bool) { if !ok { panic(\"no\") } }\n", nil)), true) {
		t.Error("typesOnly(check) = false, want true")
	}
}

func TestTestsOff(t *testing.T) {
	for args, want := range map[string]bool{
		"-json vet.cfg":                         true,
		"-perrequest.tests vet.cfg":             false,
		"--unclosedbody.tests=true vet.cfg":     false,
		"-clienttimeout.tests=false vet.cfg":    true,
		"-- -perrequest.tests":                  true,
		"-perrequest=false -poolsize.tests=1 x": false,
	} {
		if got := testsOff(strings.Fields(args)); got != want {
			t.Errorf("testsOff(%s) = %v, want %v", args, got, want)
		}
	}
}

// TestWithoutTests: with tests off, a package's unit is checked without
// its _test.go files, and an external test package's unit runs nothing.
func TestWithoutTests(t *testing.T) {
	dir := t.TempDir()
	unit := func(name string, files []string, extra map[string]any) string {
		t.Helper()
		cfg := map[string]any{"ImportPath": "example.com/p", "GoFiles": files, "VetxOnly": false,
			"VetxOutput": filepath.Join(dir, name+".vetx"), "Stdout": filepath.Join(dir, name+".stdout"), "Unknown": "kept"}
		maps.Copy(cfg, extra)
		data, _ := json.Marshal(cfg)
		path := filepath.Join(dir, name+".cfg")
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}

	// A package with tests: a copy of the config without them.
	withTests := unit("p", []string{"/src/p/a.go", "/src/p/a_test.go", "/src/p/b.go"}, nil)
	cfg, done := withoutTests(readUnit(withTests), nil)
	if done || cfg == withTests || !strings.HasSuffix(cfg, ".cfg") {
		t.Fatalf("withoutTests(p) = %s, %v; want a new .cfg, false", cfg, done)
	}
	var got map[string]any
	data, _ := os.ReadFile(cfg)
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if files := fmt.Sprint(got["GoFiles"]); files != "[/src/p/a.go /src/p/b.go]" || got["Unknown"] != "kept" {
		t.Errorf("config without tests: GoFiles %s, Unknown %v", files, got["Unknown"])
	}

	// An external test package: nothing to run, an empty vetx file and
	// the empty JSON tree.
	xtest := unit("p_test", []string{"/src/p/x_test.go"}, nil)
	if cfg, done := withoutTests(readUnit(xtest), []string{"-json", xtest}); !done || cfg != xtest {
		t.Fatalf("withoutTests(p_test) = %s, %v; want unchanged, true", cfg, done)
	}
	if n, ok := factsLen(filepath.Join(dir, "p_test.vetx")); !ok || n != 0 {
		t.Errorf("p_test.vetx: facts %d, %v", n, ok)
	}
	if out, _ := os.ReadFile(filepath.Join(dir, "p_test.stdout")); string(out) != "{}\n" {
		t.Errorf("p_test stdout = %q, want the empty JSON tree", out)
	}

	// Left alone: no test files, a dependency, a unit producing fixes.
	for name, u := range map[string]string{
		"no tests":   unit("plain", []string{"/src/p/a.go"}, nil),
		"dependency": unit("dep", []string{"/src/p/a_test.go"}, map[string]any{"VetxOnly": true}),
		"fixes":      unit("fix", []string{"/src/p/a.go", "/src/p/a_test.go"}, map[string]any{"FixArchive": filepath.Join(dir, "fix.zip")}),
	} {
		if cfg, done := withoutTests(readUnit(u), nil); done || cfg != u {
			t.Errorf("%s: withoutTests = %s, %v; want unchanged, false", name, cfg, done)
		}
	}
}
