package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poollint/poollint/internal/docmd"
)

// sarifRequested reports whether args ask for SARIF output: a -sarif
// flag (or -sarif=true) before any "--".
func sarifRequested(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "sarif" {
			continue
		}
		if !hasValue {
			return true
		}
		b, err := strconv.ParseBool(value)
		return err != nil || b // a bad value is reported by the flag parser
	}
	return false
}

// sarifDriver runs a suite standalone on packages and writes SARIF.
// It takes the same analyzer flags as the multichecker driver
// (-NAME, -NAME.FLAG, -test); the output flags -json, -c, -fix and
// -diff do not combine with -sarif.
type sarifDriver struct {
	progname string
	dir      string // working directory; "" means the current one
	stdout   io.Writer
	stderr   io.Writer
}

// main parses args and runs. The exit code follows -json: 0 when the
// analysis ran, with or without findings; 1 when packages failed to
// load, an analyzer failed, or the command line was wrong. The SARIF
// log is written in every case but a bad command line, with the errors
// as tool execution notifications.
func (d *sarifDriver) main(suite []*analysis.Analyzer, args []string) int {
	fs := flag.NewFlagSet(d.progname, flag.ContinueOnError)
	fs.SetOutput(d.stderr)
	fs.Bool("sarif", false, "write SARIF 2.1.0 to standard output")
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	enabled := make([]*triState, len(suite))
	for i, a := range suite {
		enabled[i] = new(triState)
		fs.Var(enabled[i], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(d.stderr, "usage: %s -sarif [-NAME=false] [-NAME.FLAG=value] [-test=false] packages...\n", d.progname)
		return 1
	}
	run := selectAnalyzers(suite, enabled)

	dir := d.dir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			fmt.Fprintln(d.stderr, err)
			return 1
		}
	}
	var notes []string
	graph, err := d.analyze(run, dir, *tests, fs.Args(), &notes)
	if err != nil {
		notes = append(notes, err.Error())
	}
	log := buildLog(suite, graph, dir, notes)
	enc := json.NewEncoder(d.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		fmt.Fprintln(d.stderr, err)
		return 1
	}
	for _, n := range notes {
		fmt.Fprintf(d.stderr, "%s: %s\n", d.progname, n)
	}
	if len(notes) > 0 {
		return 1
	}
	return 0
}

// selectAnalyzers applies the -NAME flags as the multichecker does: if
// any is true, run only those; otherwise run all but those set false.
func selectAnalyzers(suite []*analysis.Analyzer, enabled []*triState) []*analysis.Analyzer {
	hasTrue := slices.ContainsFunc(enabled, func(ts *triState) bool { return *ts == setTrue })
	var run []*analysis.Analyzer
	for i, a := range suite {
		if hasTrue && *enabled[i] == setTrue || !hasTrue && *enabled[i] != setFalse {
			run = append(run, a)
		}
	}
	return run
}

// analyze loads the packages and runs the analyzers, as the
// multichecker's standalone mode does. Load and analysis errors are
// appended to notes.
func (d *sarifDriver) analyze(run []*analysis.Analyzer, dir string, tests bool, patterns []string, notes *[]string) (*checker.Graph, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(run) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	cfg := &packages.Config{Mode: mode, Dir: dir, Tests: tests}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	packages.Visit(initial, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			*notes = append(*notes, e.Error())
		}
	})
	graph, err := checker.Analyze(run, initial, nil)
	if err != nil {
		return nil, err
	}
	for act := range graph.All() {
		if act.Err != nil {
			*notes = append(*notes, fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err))
		}
	}
	return graph, nil
}

// needFacts reports whether any analyzer, or one it requires, uses
// facts; then dependencies must be loaded from source too.
func needFacts(as []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}

// A triState is a boolean flag that knows whether it was set, like the
// multichecker's -NAME flags.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any         { return *ts == setTrue }
func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}
func (ts *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}

// The SARIF 2.1.0 subset poollint writes.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriverInfo `json:"driver"`
	}
	sarifDriverInfo struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifMarkdownText `json:"help"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
		Properties           sarifRuleProps    `json:"properties"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags []string `json:"tags"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMarkdownText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifText       `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

const (
	sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRoot     = "%SRCROOT%"
	infoURI     = "https://pkg.go.dev/github.com/poollint/poollint"
)

// buildLog converts the analysis graph (nil if analysis did not run) to
// a SARIF log with one rule per analyzer of the suite, enabled or not.
func buildLog(suite []*analysis.Analyzer, graph *checker.Graph, dir string, notes []string) *sarifLog {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriverInfo{
			Name:           "poollint",
			InformationURI: infoURI,
			Version:        version(),
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			srcRoot: {URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	ruleIndex := make(map[string]int)
	for i, a := range suite {
		ruleIndex[a.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{docmd.Summary(a.Doc)},
			FullDescription:      sarifText{a.Doc},
			Help:                 sarifMarkdownText{Text: a.Doc, Markdown: docmd.Markdown(a.Name, a.Doc, 2)},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleConfig{Level: "warning"},
			Properties:           sarifRuleProps{Tags: []string{"net/http", "performance", "reliability"}},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: len(notes) == 0}
	for _, n := range notes {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{n}})
	}
	run.Invocations = []sarifInvocation{inv}

	if graph != nil {
		c := &converter{dir: dir, files: make(map[string][]byte)}
		type key struct {
			analyzer string
			pos, end token.Position
			message  string
		}
		seen := make(map[key]bool)
		for _, act := range graph.Roots {
			if act.Err != nil {
				continue
			}
			fset := act.Package.Fset
			for _, diag := range act.Diagnostics {
				// A file in both p and p.test is analysed twice.
				k := key{act.Analyzer.Name, fset.Position(diag.Pos), fset.Position(diag.End), diag.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				run.Results = append(run.Results, c.result(fset, act.Analyzer.Name, ruleIndex[act.Analyzer.Name], diag))
			}
		}
		slices.SortStableFunc(run.Results, compareResults)
	}
	return &sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

func compareResults(a, b sarifResult) int {
	la, lb := a.Locations[0].PhysicalLocation, b.Locations[0].PhysicalLocation
	if c := strings.Compare(la.ArtifactLocation.URI, lb.ArtifactLocation.URI); c != 0 {
		return c
	}
	if c := la.Region.StartLine - lb.Region.StartLine; c != 0 {
		return c
	}
	if c := la.Region.StartColumn - lb.Region.StartColumn; c != 0 {
		return c
	}
	if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
		return c
	}
	return strings.Compare(a.Message.Text, b.Message.Text)
}

// version is the module version poollint was built from, if known.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// converter turns token positions into SARIF locations. It reads source
// files to count columns in UTF-16 code units, as GitHub code scanning
// expects; go/token counts bytes.
type converter struct {
	dir   string
	files map[string][]byte // nil entry: unreadable
}

func (c *converter) result(fset *token.FileSet, rule string, index int, d analysis.Diagnostic) sarifResult {
	r := sarifResult{
		RuleID:    rule,
		RuleIndex: index,
		Level:     "warning",
		Message:   sarifText{d.Message},
		Locations: []sarifLocation{{PhysicalLocation: c.physical(fset, d.Pos, d.End)}},
	}
	for i, rel := range d.Related {
		id := i + 1
		msg := rel.Message
		if msg == "" {
			msg = "related location"
		}
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID:               &id,
			PhysicalLocation: c.physical(fset, rel.Pos, rel.End),
			Message:          &sarifText{msg},
		})
	}
	for _, fix := range d.SuggestedFixes {
		f := sarifFix{Description: sarifText{fix.Message}}
		byFile := make(map[string]int) // uri -> index in ArtifactChanges
		for _, edit := range fix.TextEdits {
			end := edit.End
			if !end.IsValid() {
				end = edit.Pos
			}
			loc := c.physical(fset, edit.Pos, end)
			i, ok := byFile[loc.ArtifactLocation.URI]
			if !ok {
				i = len(f.ArtifactChanges)
				byFile[loc.ArtifactLocation.URI] = i
				f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactChange{ArtifactLocation: loc.ArtifactLocation})
			}
			f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, sarifReplacement{
				DeletedRegion:   loc.Region,
				InsertedContent: sarifText{string(edit.NewText)},
			})
		}
		if len(f.ArtifactChanges) > 0 {
			r.Fixes = append(r.Fixes, f)
		}
	}
	return r
}

// physical returns the location of [pos, end). An invalid end gives a
// region that names only the start.
func (c *converter) physical(fset *token.FileSet, pos, end token.Pos) sarifPhysicalLocation {
	p := fset.Position(pos)
	loc := sarifPhysicalLocation{
		ArtifactLocation: c.artifact(p.Filename),
		Region:           sarifRegion{StartLine: p.Line, StartColumn: c.column(fset, pos, p)},
	}
	if end.IsValid() && end >= pos {
		e := fset.Position(end)
		if e.Filename == p.Filename {
			loc.Region.EndLine = e.Line
			loc.Region.EndColumn = c.column(fset, end, e)
		}
	}
	if loc.Region.StartColumn == 0 {
		loc.Region.StartColumn = 1
	}
	return loc
}

// artifact names a file relative to %SRCROOT% (the working directory)
// when it lies below it, and by absolute file URI otherwise.
func (c *converter) artifact(filename string) sarifArtifactLoc {
	if rel, err := filepath.Rel(c.dir, filename); err == nil && filepath.IsLocal(rel) {
		return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(filename)}).String()}
}

// column converts p's byte column to UTF-16 code units. It falls back
// to the byte column when the file cannot be read or a //line directive
// maps the position elsewhere.
func (c *converter) column(fset *token.FileSet, pos token.Pos, p token.Position) int {
	raw := fset.PositionFor(pos, false)
	if raw.Filename != p.Filename || raw.Line != p.Line || p.Column < 1 {
		return p.Column
	}
	content, ok := c.files[p.Filename]
	if !ok {
		content, _ = os.ReadFile(p.Filename)
		c.files[p.Filename] = content
	}
	start := p.Offset - (p.Column - 1)
	if content == nil || start < 0 || p.Offset > len(content) {
		return p.Column
	}
	col := 1
	for prefix := content[start:p.Offset]; len(prefix) > 0; {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		if n := utf16.RuneLen(r); n > 0 {
			col += n
		} else {
			col++
		}
	}
	return col
}
