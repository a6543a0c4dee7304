package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
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
		if ok, std := exportOnly(write("unit.cfg", data), tc.extra); ok != tc.ok || std != tc.std {
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
	if !typesOnly(a, true) {
		t.Fatal("typesOnly(a) = false, want true")
	}
	b := unit("example.com/b", `package b

import "example.com/a"

func F(t a.T) [a.C]int { return [a.C]int{t.Double()} }

var W = a.V
`, map[string]string{"example.com/a": vetxOf(a)})
	if !typesOnly(b, true) {
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
	if typesOnly(unit("example.com/bad", "package bad\n\nvar X undefinedType\n", nil), true) {
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
		if typesOnly(cfg, true) {
			t.Errorf("typesOnly(%q) = true, want false", src)
		}
		if !typesOnly(cfg, false) {
			t.Errorf("typesOnly(%q) without facts = false, want true", src)
		}
	}
	// Returns on some path: no fact, export only.
	if !typesOnly(unit("example.com/check", "package check\n\nfunc Check(ok bool) { if !ok { panic(\"no\") } }\n", nil), true) {
		t.Error("typesOnly(check) = false, want true")
	}
}
