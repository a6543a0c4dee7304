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
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

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
// value of linters.settings.custom.poollint.settings, or nil).
func New(settings any) (register.LinterPlugin, error) {
	suite := analyzers.All()
	schema := newSchema(suite)
	if settings == nil {
		return &Plugin{analyzers: withoutRelated(analyzers.Select(suite, nil, nil))}, nil
	}
	decoded, err := decode(schema, settings)
	if err != nil {
		return nil, fmt.Errorf("poollint settings: %w; valid keys: %s", err, strings.Join(schema.keys(), ", "))
	}
	enabled, err := schema.apply(suite, decoded)
	if err != nil {
		return nil, fmt.Errorf("poollint settings: %w; valid keys: %s", err, strings.Join(schema.keys(), ", "))
	}
	return &Plugin{analyzers: withoutRelated(enabled)}, nil
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

// schema describes the settings the suite accepts: "disable", and one
// object per analyzer whose keys are that analyzer's flags. It is built
// as a Go struct type at run time, so that register.DecodeSettings can
// decode strictly (unknown fields and wrong types fail).
type schema struct {
	typ       reflect.Type
	analyzers []analyzerSchema
}

type analyzerSchema struct {
	name  string
	field int // index in schema.typ
	typ   reflect.Type
	flags []flagSchema
}

type flagSchema struct {
	name  string
	field int
}

var (
	boolType     = reflect.TypeFor[*bool]()
	intType      = reflect.TypeFor[*int64]()
	uintType     = reflect.TypeFor[*uint64]()
	floatType    = reflect.TypeFor[*float64]()
	stringType   = reflect.TypeFor[*string]()
	anyType      = reflect.TypeFor[any]()
	listType     = reflect.TypeFor[[]string]()
	durationType = reflect.TypeFor[time.Duration]()
)

// fieldType chooses the Go type a flag's setting decodes into.
func fieldType(f *flag.Flag) reflect.Type {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return anyType // custom flag.Value: a scalar or a list of scalars
	}
	v := g.Get()
	if v != nil && reflect.TypeOf(v) == durationType {
		return stringType // "30s"
	}
	switch v.(type) {
	case bool:
		return boolType
	case int, int64:
		return intType
	case uint, uint64:
		return uintType
	case float64:
		return floatType
	case string:
		return stringType
	}
	return anyType
}

func newSchema(suite []*analysis.Analyzer) *schema {
	s := new(schema)
	fields := []reflect.StructField{{
		Name: "Enable",
		Type: listType,
		Tag:  reflect.StructTag(`json:"` + enableKey + `"`),
	}, {
		Name: "Disable",
		Type: listType,
		Tag:  reflect.StructTag(`json:"` + disableKey + `"`),
	}}
	for _, a := range suite {
		as := analyzerSchema{name: a.Name, field: len(fields)}
		var flagFields []reflect.StructField
		a.Flags.VisitAll(func(f *flag.Flag) {
			as.flags = append(as.flags, flagSchema{name: f.Name, field: len(flagFields)})
			flagFields = append(flagFields, reflect.StructField{
				Name: "F" + strconv.Itoa(len(flagFields)),
				Type: fieldType(f),
				Tag:  reflect.StructTag(`json:"` + f.Name + `,omitempty"`),
			})
		})
		as.typ = reflect.StructOf(flagFields)
		fields = append(fields, reflect.StructField{
			Name: "A" + strconv.Itoa(len(fields)),
			Type: reflect.PointerTo(as.typ),
			Tag:  reflect.StructTag(`json:"` + a.Name + `,omitempty"`),
		})
		s.analyzers = append(s.analyzers, as)
	}
	s.typ = reflect.StructOf(fields)
	return s
}

// keys lists every valid setting, with flags as NAME.FLAG.
func (s *schema) keys() []string {
	keys := []string{enableKey, disableKey}
	for _, a := range s.analyzers {
		keys = append(keys, a.name)
		for _, f := range a.flags {
			keys = append(keys, a.name+"."+f.name)
		}
	}
	return keys
}

// decode decodes raw strictly into a value of the schema's type. JSON
// field names match case-insensitively, which also covers golangci-lint's
// configuration loader lower-casing keys.
func decode(s *schema, raw any) (reflect.Value, error) {
	// register.DecodeSettings is generic over a static type; the schema is
	// a dynamic one. Decode through a json.RawMessage so the strict
	// decoder still does the work.
	msg, err := register.DecodeSettings[json.RawMessage](raw)
	if err != nil {
		return reflect.Value{}, err
	}
	v := reflect.New(s.typ)
	dec := json.NewDecoder(strings.NewReader(string(msg)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Interface()); err != nil {
		return reflect.Value{}, err
	}
	return v.Elem(), nil
}

// apply sets the decoded values on the analyzers' flags and returns the
// analyzers that stay enabled, in suite order.
func (s *schema) apply(suite []*analysis.Analyzer, v reflect.Value) ([]*analysis.Analyzer, error) {
	only := v.Field(0).Interface().([]string)
	disabled := v.Field(1).Interface().([]string)
	known := make(map[string]bool)
	for _, a := range suite {
		known[a.Name] = true
	}
	for _, name := range only {
		if !known[name] {
			return nil, fmt.Errorf("%s: unknown analyzer %q", enableKey, name)
		}
	}
	for _, name := range disabled {
		if !known[name] {
			return nil, fmt.Errorf("%s: unknown analyzer %q", disableKey, name)
		}
	}
	var errs []error
	for i, as := range s.analyzers {
		pv := v.Field(as.field)
		if pv.IsNil() {
			continue
		}
		obj := pv.Elem()
		for _, f := range as.flags {
			fv := obj.Field(f.field)
			if fv.IsZero() {
				continue // not set
			}
			val, err := flagString(fv)
			if err == nil {
				err = suite[i].Flags.Set(f.name, val)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("%s.%s: %v", as.name, f.name, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return analyzers.Select(suite, only, disabled), nil
}

// flagString renders a decoded setting as the text the flag parses.
// Lists become comma-separated, the form list flags take on the command
// line.
func flagString(v reflect.Value) (string, error) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Interface:
		return scalarOrList(v.Interface())
	}
	return "", fmt.Errorf("unsupported setting type %s", v.Type())
}

func scalarOrList(x any) (string, error) {
	switch x := x.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := scalarOrList(e)
			if err != nil {
				return "", err
			}
			if _, nested := e.([]any); nested {
				return "", fmt.Errorf("nested lists are not supported")
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("want a string, number, boolean or list, got %T", x)
}
