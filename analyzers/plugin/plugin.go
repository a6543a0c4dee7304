// Package plugin is the golangci-lint v2 module plugin for poollint.
//
// It registers the linter "poollint". Its settings are the analyzers'
// own flags, so one set of names serves go vet and golangci-lint:
//
//	go vet -vettool=$(which poollint) -perrequest.tests=true -awsclient=false ./...
//
// is, in .golangci.yml,
//
//	linters:
//	  enable: [poollint]
//	  settings:
//	    custom:
//	      poollint:
//	        type: module
//	        settings:
//	          disable: [awsclient]     # or enable: [NAME, ...] to run only those
//	          perrequest:
//	            tests: true
//
// Settings are decoded strictly: an unknown key, or a value of the wrong
// type, fails with the list of valid keys.
package plugin

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers"
)

// Name is the linter name under which golangci-lint reports findings,
// and the name used in //nolint:poollint.
const Name = "poollint"

func init() {
	register.Plugin(Name, New)
}

// The settings that choose analyzers, the golangci-lint spelling of
// go vet's -NAME=true (run only these) and -NAME=false (run all but
// these).
const (
	enableKey  = "enable"
	disableKey = "disable"
)

// Plugin is one configured instance of the poollint suite.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from the raw settings golangci-lint passes (the
// value of linters.settings.custom.poollint.settings, or nil). The
// analyzers that run are chosen as on go vet's command line
// (analyzers.Select): opt-in analyzers only when named in enable or
// turned on with their enable setting.
func New(settings any) (register.LinterPlugin, error) {
	suite := analyzers.All()
	only, off, err := configure(suite, settings)
	if err != nil {
		return nil, fmt.Errorf("poollint settings: %w; valid keys: %s", err, strings.Join(keys(suite), ", "))
	}
	return &Plugin{analyzers: withoutRelated(analyzers.Select(suite, only, off))}, nil
}

// withoutRelated returns copies of the analyzers that drop each
// diagnostic's related locations. golangci-lint turns every related
// location into an issue of its own ("NAME(related information): ..."),
// which doubles the report and which a //nolint:poollint on the
// finding's line does not cover. The message already says why the code
// runs per request; go vet, standalone runs and SARIF keep the related
// locations.
func withoutRelated(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		w := *a
		run := a.Run
		w.Run = func(pass *analysis.Pass) (any, error) {
			inner := *pass
			inner.Report = func(d analysis.Diagnostic) {
				d.Related = nil
				pass.Report(d)
			}
			return run(&inner)
		}
		out[i] = &w
	}
	return out
}

// BuildAnalyzers returns the enabled analyzers, configured.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers need it.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// keys lists every valid setting, with flags as NAME.FLAG.
func keys(suite []*analysis.Analyzer) []string {
	keys := []string{enableKey, disableKey}
	for _, a := range suite {
		keys = append(keys, a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) { keys = append(keys, a.Name+"."+f.Name) })
	}
	return keys
}

// configure decodes the settings strictly, sets the analyzers' flags
// with flag.Set, and returns the enable and disable lists. Keys match
// case-insensitively (golangci-lint's loader may lower-case them); an
// unknown key or analyzer, or a value of the wrong JSON type, fails.
func configure(suite []*analysis.Analyzer, settings any) (only, off []string, err error) {
	if settings == nil {
		return nil, nil, nil
	}
	raw, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, nil, err
	}
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		if k := strings.ToLower(key); k == enableKey || k == disableKey {
			list, ok := raw[key].([]any)
			if !ok {
				return nil, nil, fmt.Errorf("json: cannot unmarshal %s into field %s of type []string", jsonType(raw[key]), k)
			}
			for _, e := range list {
				name, _ := e.(string)
				if !slices.ContainsFunc(suite, func(a *analysis.Analyzer) bool { return a.Name == name }) {
					return nil, nil, fmt.Errorf("%s: unknown analyzer %q", k, fmt.Sprint(e))
				}
				if k == enableKey {
					only = append(only, name)
				} else {
					off = append(off, name)
				}
			}
			continue
		}
		i := slices.IndexFunc(suite, func(a *analysis.Analyzer) bool { return strings.EqualFold(a.Name, key) })
		if i < 0 {
			return nil, nil, fmt.Errorf("json: unknown field %q", key)
		}
		flags, ok := raw[key].(map[string]any)
		if !ok {
			return nil, nil, fmt.Errorf("json: cannot unmarshal %s into field %s of type object", jsonType(raw[key]), key)
		}
		for _, name := range slices.Sorted(maps.Keys(flags)) {
			f := suite[i].Flags.Lookup(strings.ToLower(name))
			if f == nil {
				return nil, nil, fmt.Errorf("json: unknown field %q", name)
			}
			if flags[name] == nil {
				continue // null: not set
			}
			text, err := flagText(f, flags[name])
			if err == nil {
				err = suite[i].Flags.Set(f.Name, text)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("%s.%s: %v", suite[i].Name, f.Name, err))
			}
		}
	}
	return only, off, errors.Join(errs...)
}

// flagText renders a setting as the text its flag parses, checking its
// JSON type against the flag's: a boolean for a boolean flag, a number
// for a numeric one, a string for a string or a duration ("30s"), and a
// scalar or a list of scalars (comma-separated, as on the command line)
// for any other flag.
func flagText(f *flag.Flag, v any) (string, error) {
	want := "scalar"
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			want = "bool"
		case int, int64, uint, uint64, float64:
			want = "number"
		case string, fmt.Stringer: // time.Duration is a Stringer
			want = "string"
		}
	}
	got := jsonType(v)
	if list, ok := v.([]any); ok && want == "scalar" {
		parts := make([]string, len(list))
		for i, e := range list {
			if t := jsonType(e); t != "bool" && t != "number" && t != "string" {
				return "", fmt.Errorf("json: cannot unmarshal %s in a list of scalars", t)
			}
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, ","), nil
	}
	if got != want && (want != "scalar" || got == "object" || got == "array") {
		return "", fmt.Errorf("json: cannot unmarshal %s into a %s setting", got, want)
	}
	return fmt.Sprint(v), nil
}

// jsonType names v's JSON type as encoding/json's errors do.
func jsonType(v any) string {
	switch v.(type) {
	case bool:
		return "bool"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}
