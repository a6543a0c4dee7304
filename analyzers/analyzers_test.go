package analyzers_test

// The meta-test: every analyzer in All() must be valid, documented in
// one form, tested, and described in the README from its own doc.go,
// and its facts must survive gob (go vet and Bazel nogo serialise them).

import (
	"bytes"
	"encoding"
	"encoding/gob"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/testutil"
	"github.com/poollint/poollint/internal/docmd"
)

var updateREADME = flag.Bool("update", false, "rewrite the generated analyzer sections of README.md")

func TestValidate(t *testing.T) {
	all := analyzers.All()
	if len(all) == 0 {
		t.Fatal("All() returned no analyzers")
	}
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, a := range all {
		if seen[a.Name] {
			t.Errorf("analyzer name %s used twice", a.Name)
		}
		seen[a.Name] = true
	}
	// The suite's analyzers are roots only: if one required another,
	// the driver would run the wrapped and the unwrapped copy.
	for _, a := range all {
		for _, r := range a.Requires {
			if seen[r.Name] {
				t.Errorf("%s requires suite analyzer %s; share a producer analyzer instead", a.Name, r.Name)
			}
		}
	}
	// Fresh instances: two calls share no analyzer and no flag value.
	again := analyzers.All()
	for i, a := range all {
		if a == again[i] {
			t.Errorf("All() returned the same %s twice", a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if again[i].Flags.Lookup(f.Name).Value == f.Value {
				t.Errorf("-%s.%s: two suites share one flag value", a.Name, f.Name)
			}
		})
	}
}

// TestDocs checks each analyzer's doc.go: the "# Analyzer NAME" heading
// and "NAME: summary" line, BAD and GOOD examples with code, the URL,
// and every flag with its default.
func TestDocs(t *testing.T) {
	for _, a := range analyzers.All() {
		src, err := os.ReadFile(filepath.Join(testutil.Root(), "analyzers", a.Name, "doc.go"))
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		doc, err := docs.Extract(string(src), a.Name)
		if err != nil {
			t.Errorf("%s: doc.go: %v", a.Name, err)
			continue
		}
		if a.Doc != doc {
			t.Errorf("%s: Analyzer.Doc is not the text of doc.go", a.Name)
		}
		summary := docmd.Summary(a.Doc)
		if summary == "" || strings.HasSuffix(summary, ".") || summary != strings.ToLower(summary[:1])+summary[1:] {
			t.Errorf("%s: summary %q: want a lower-case phrase with no trailing period", a.Name, summary)
		}
		for _, section := range []string{"BAD", "GOOD"} {
			// A paragraph starting "BAD:" (or "GOOD: ..."), then code.
			if !regexp.MustCompile(`(?m)^` + section + `:[^\n]*(\n[^\t\n][^\n]*)*\n\n\t`).MatchString(a.Doc) {
				t.Errorf("%s: doc lacks a paragraph starting %q followed by a code example", a.Name, section+":")
			}
		}
		if want := "https://pkg.go.dev/github.com/poollint/poollint/analyzers/" + a.Name; a.URL != want {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, want)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := "-" + a.Name + "." + f.Name
			m := regexp.MustCompile(`(?m)^\t` + regexp.QuoteMeta(name) + `\s.*\(default (.*)\)$`).FindStringSubmatch(a.Doc)
			if m == nil {
				t.Errorf("%s: flag %s is not documented in doc.go as a line \"\\t%s  description (default %s)\"", a.Name, name, name, f.DefValue)
				return
			}
			if m[1] != f.DefValue && m[1] != strconv.Quote(f.DefValue) {
				t.Errorf("%s: doc.go says %s defaults to %s; it defaults to %q", a.Name, name, m[1], f.DefValue)
			}
		})
	}
}

func TestTestdata(t *testing.T) {
	for _, a := range analyzers.All() {
		dir := filepath.Join(testutil.TestData(), "src", a.Name)
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) == 0 {
			t.Errorf("%s: no fixtures in testdata/src/%s: %v", a.Name, a.Name, err)
		}
		if _, err := os.Stat(filepath.Join(testutil.Root(), "analyzers", a.Name, a.Name+"_test.go")); err != nil {
			t.Errorf("%s: no %s_test.go: %v", a.Name, a.Name, err)
		}
	}
}

const (
	beginMarker = "<!-- analyzers:begin -->"
	endMarker   = "<!-- analyzers:end -->"
)

// generatedREADME is the text between the README markers: each
// analyzer's doc.go rendered as Markdown.
func generatedREADME() string {
	var b strings.Builder
	b.WriteString("\n<!-- Generated from each analyzer's doc.go by `go test ./analyzers -run TestREADME -update`. Do not edit. -->\n\n")
	for _, a := range analyzers.All() {
		b.WriteString(docmd.Markdown(a.Name, a.Doc, 3))
		fmt.Fprintf(&b, "\nReference: [%s](%s) · `poollint help %s`\n\n", strings.TrimPrefix(a.URL, "https://"), a.URL, a.Name)
	}
	return b.String()
}

// TestREADME keeps README.md's analyzer sections in step with doc.go
// (and so with the flags, which TestDocs checks against doc.go).
func TestREADME(t *testing.T) {
	path := filepath.Join(testutil.Root(), "README.md")
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(content)
	begin, end := strings.Index(s, beginMarker), strings.Index(s, endMarker)
	if begin < 0 || end < begin {
		t.Fatalf("README.md lacks the markers %s ... %s", beginMarker, endMarker)
	}
	current := s[begin+len(beginMarker) : end]
	want := generatedREADME()
	if current == want {
		return
	}
	if *updateREADME {
		s = s[:begin+len(beginMarker)] + want + s[end:]
		if err := os.WriteFile(path, []byte(s), 0o666); err != nil {
			t.Fatal(err)
		}
		t.Log("README.md updated")
		return
	}
	t.Errorf("README.md's analyzer sections are out of date with doc.go; run\n\tgo test ./analyzers -run TestREADME -update\nfirst difference near: %q", firstDiff(current, want))
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return b[max(0, i-40):min(len(b), i+40)]
}

// TestFactsGob checks that every fact type of every analyzer, and of
// the analyzers they require, survives a gob round trip, as go vet's
// unitchecker and Bazel's nogo send facts between packages that way.
func TestFactsGob(t *testing.T) {
	seen := make(map[*analysis.Analyzer]bool)
	var types []analysis.Fact
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		types = append(types, a.FactTypes...)
		for _, r := range a.Requires {
			walk(r)
		}
	}
	for _, a := range analyzers.All() {
		walk(a)
	}
	for _, fact := range types {
		t.Run(reflect.TypeOf(fact).String(), func(t *testing.T) { checkFactGob(t, fact) })
	}
}

func checkFactGob(t *testing.T, fact analysis.Fact) {
	typ := reflect.TypeOf(fact)
	if typ.Kind() != reflect.Pointer {
		t.Fatalf("fact type %s is not a pointer", typ)
	}
	if _, ok := fact.(fmt.Stringer); !ok {
		t.Errorf("fact type %s has no String method", typ)
	}
	_, custom := fact.(gob.GobEncoder)
	_, binary := fact.(encoding.BinaryMarshaler)
	if !custom && !binary {
		if field, ok := unexportedField(typ.Elem()); ok {
			t.Errorf("fact type %s has unexported field %s, which gob drops", typ, field)
		}
	}
	v := reflect.New(typ.Elem())
	fill(v.Elem())
	// Encode as the drivers do: a fact held in an interface.
	gob.Register(fact)
	type envelope struct{ Fact analysis.Fact }
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(envelope{v.Interface().(analysis.Fact)}); err != nil {
		t.Fatalf("gob encode: %v", err)
	}
	var got envelope
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatalf("gob decode: %v", err)
	}
	if !reflect.DeepEqual(got.Fact, v.Interface()) {
		t.Errorf("gob round trip changed the fact: %#v became %#v", v.Interface(), got.Fact)
	}
}

// unexportedField returns the first unexported field of struct type t.
func unexportedField(t reflect.Type) (string, bool) {
	if t.Kind() != reflect.Struct {
		return "", false
	}
	for f := range t.Fields() {
		if !f.IsExported() {
			return f.Name, true
		}
	}
	return "", false
}

// fill sets every settable field of v to a non-zero value, so a round
// trip that drops data is noticed.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(2.5)
	case reflect.String:
		v.SetString("x")
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0))
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem())
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// TestIgnoreNames: the names ignore.Filter knows (for the exported
// Analyzer values that nogo runs one by one) are the suite's.
func TestIgnoreNames(t *testing.T) {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	if got := ignore.Names(); !reflect.DeepEqual(got, names) {
		t.Errorf("ignore.Names() = %v, want the suite %v: add the new analyzer to ignore.Names", got, names)
	}
}

// TestREADMEDefaults: the README's analyzer table says "opt-in" exactly
// for the analyzers the registry (analyzers.OptIn) leaves off.
func TestREADMEDefaults(t *testing.T) {
	content, err := os.ReadFile(filepath.Join(testutil.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	optIn := analyzers.OptIn()
	for _, a := range analyzers.All() {
		row := regexp.MustCompile("(?m)^\\| \\[`" + a.Name + "`\\].*\\| ([^|]*) \\|$").FindStringSubmatch(string(content))
		if row == nil {
			t.Errorf("README's analyzer table has no row for %s", a.Name)
			continue
		}
		_, off := optIn[a.Name]
		if got := strings.HasPrefix(row[1], "opt-in"); got != off {
			t.Errorf("README says %s is %q by default; the registry says opt-in = %v", a.Name, row[1], off)
		}
	}
}
