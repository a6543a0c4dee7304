package plugin

import (
	"flag"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers"
)

func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return strings.Join(ns, ",")
}

// suiteNames lists the analyzers a run executes by default: the suite
// without its opt-in analyzers (analyzers.OptIn).
func suiteNames() string { return names(analyzers.Select(analyzers.All(), nil, nil)) }

func TestRegistered(t *testing.T) {
	ctor, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ctor(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if got := names(as); got != suiteNames() {
		t.Errorf("analyzers %s, want the suite %s", got, suiteNames())
	}
}

func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		as, err := build(t, settings)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(as); got != suiteNames() {
			t.Errorf("settings %v: analyzers %s, want %s", settings, got, suiteNames())
		}
	}
}

// TestFlags sets every flag of every analyzer to a non-default value
// through the settings and checks the analyzer's own flag took it. The
// settings come in the shape golangci-lint's config loader produces.
func TestFlags(t *testing.T) {
	settings := make(map[string]any)
	want := make(map[string]string)
	for _, a := range analyzers.All() {
		m := make(map[string]any)
		a.Flags.VisitAll(func(f *flag.Flag) {
			v, text := otherValue(t, f)
			m[f.Name] = v
			want[a.Name+"."+f.Name] = text
		})
		settings[a.Name] = m
	}
	as, err := build(t, settings)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if got := f.Value.String(); got != want[a.Name+"."+f.Name] {
				t.Errorf("-%s.%s = %q, want %q", a.Name, f.Name, got, want[a.Name+"."+f.Name])
			}
		})
	}
	// A fresh suite keeps its defaults: no state is shared.
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() != f.DefValue {
				t.Errorf("fresh -%s.%s = %q, want default %q", a.Name, f.Name, f.Value, f.DefValue)
			}
		})
	}
}

// otherValue returns a setting value, as YAML would decode it, that
// differs from f's default, and the flag text it must produce.
func otherValue(t *testing.T, f *flag.Flag) (any, string) {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return "x,y", "x,y"
	}
	switch v := g.Get().(type) {
	case bool:
		return !v, map[bool]string{true: "true", false: "false"}[!v]
	case int, int64, uint, uint64:
		return 7, "7"
	case float64:
		return 2.5, "2.5"
	case string:
		return "x,y", "x,y"
	case []string: // a list of qualified names (-perrequest.constructors)
		return []any{"example.com/x.New", "example.com/y.T.Open"}, "example.com/x.New,example.com/y.T.Open"
	}
	if f.DefValue != "" && strings.HasSuffix(f.DefValue, "s") { // time.Duration
		return "42s", "42s"
	}
	t.Skipf("flag -%s: no test value for type %T", f.Name, g.Get())
	return nil, ""
}

func TestEnableDisable(t *testing.T) {
	first := analyzers.All()[0].Name
	as, err := build(t, map[string]any{"disable": []any{first}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(","+names(as)+",", ","+first+",") {
		t.Errorf("disable %s: still runs %s", first, names(as))
	}
	if len(as) != len(analyzers.Select(analyzers.All(), nil, nil))-1 {
		t.Errorf("disable %s: runs %s", first, names(as))
	}
	as, err = build(t, map[string]any{"enable": []any{first}})
	if err != nil {
		t.Fatal(err)
	}
	if names(as) != first {
		t.Errorf("enable [%s]: runs %s", first, names(as))
	}
}

// TestOptIn: an opt-in analyzer runs when enabled by name (alone) or by
// its enable flag (with the default ones), as on go vet's command line.
func TestOptIn(t *testing.T) {
	for name := range analyzers.OptIn() {
		as, err := build(t, map[string]any{"enable": []any{name}})
		if err != nil {
			t.Fatal(err)
		}
		if names(as) != name {
			t.Errorf("enable [%s]: runs %s", name, names(as))
		}
		as, err = build(t, map[string]any{name: map[string]any{"enable": true}})
		if err != nil {
			t.Fatal(err)
		}
		if want := suiteNames() + "," + name; names(as) != want {
			t.Errorf("%s.enable: runs %s, want %s", name, names(as), want)
		}
	}
}

func TestStrict(t *testing.T) {
	first := analyzers.All()[0]
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"disabel": []any{first.Name}}, `unknown field "disabel"`},
		{map[string]any{first.Name: map[string]any{"nosuchflag": true}}, `unknown field "nosuchflag"`},
		{map[string]any{"disable": []any{"nosuchanalyzer"}}, `disable: unknown analyzer "nosuchanalyzer"`},
		{map[string]any{"enable": []any{"nosuchanalyzer"}}, `enable: unknown analyzer "nosuchanalyzer"`},
		{map[string]any{"disable": first.Name}, `cannot unmarshal string`},
		{map[string]any{first.Name: true}, `cannot unmarshal bool`},
	} {
		_, err := build(t, tc.settings)
		if err == nil {
			t.Errorf("%v: no error", tc.settings)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "valid keys: enable, disable, "+first.Name) {
			t.Errorf("%v: error %q, want %q and the valid keys", tc.settings, msg, tc.want)
		}
	}
	// A flag of the wrong type fails too.
	var boolFlag string
	first.Flags.VisitAll(func(f *flag.Flag) {
		if g, ok := f.Value.(flag.Getter); ok && boolFlag == "" {
			if _, ok := g.Get().(bool); ok {
				boolFlag = f.Name
			}
		}
	})
	if boolFlag != "" {
		if _, err := build(t, map[string]any{first.Name: map[string]any{boolFlag: "yes"}}); err == nil {
			t.Errorf("%s.%s: \"yes\" accepted for a boolean", first.Name, boolFlag)
		}
	}
}
