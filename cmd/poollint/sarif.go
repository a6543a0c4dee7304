package main

// The SARIF log model: what -sarif writes, built from go vet's findings.

import (
	"cmp"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/internal/docmd"
)

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
		Enabled *bool  `json:"enabled,omitempty"` // false for opt-in analyzers
		Level   string `json:"level"`
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

// buildLog converts go vet's findings (a nil tree if it did not run) to
// a SARIF log with one rule per analyzer of the suite, enabled or not,
// and notes (errors) as tool execution notifications. dir is %SRCROOT%.
func buildLog(suite []*analysis.Analyzer, tree jsonTree, dir string, notes []string) *sarifLog {
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
	optIn := analyzers.OptIn()
	ruleIndex := make(map[string]int)
	for i, a := range suite {
		ruleIndex[a.Name] = i
		config := sarifRuleConfig{Level: "warning"}
		if _, ok := optIn[a.Name]; ok {
			config.Enabled = new(bool)
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{docmd.Summary(a.Doc)},
			FullDescription:      sarifText{a.Doc},
			Help:                 sarifMarkdownText{Text: a.Doc, Markdown: docmd.Markdown(a.Name, a.Doc, 2)},
			HelpURI:              a.URL,
			DefaultConfiguration: config,
			Properties:           sarifRuleProps{Tags: []string{"net/http", "performance", "reliability"}},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: len(notes) == 0}
	for _, n := range notes {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{n}})
	}
	run.Invocations = []sarifInvocation{inv}

	c := &converter{dir: dir, files: make(map[string][]byte)}
	for _, f := range tree.diagnostics() {
		run.Results = append(run.Results, c.result(f.analyzer, ruleIndex[f.analyzer], f.jsonDiagnostic))
	}
	slices.SortStableFunc(run.Results, compareResults)
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

// converter turns go vet's positions ("file:line:col", byte columns)
// and byte offsets into SARIF locations. It reads source files to count
// columns in UTF-16 code units, as GitHub code scanning expects.
type converter struct {
	dir   string
	files map[string][]byte // nil entry: unreadable
}

func (c *converter) result(rule string, index int, d jsonDiagnostic) sarifResult {
	r := sarifResult{
		RuleID:    rule,
		RuleIndex: index,
		Level:     "warning",
		Message:   sarifText{d.Message},
		Locations: []sarifLocation{{PhysicalLocation: c.physical(parsePosn(d.Posn), parsePosn(d.End))}},
	}
	for i, rel := range d.Related {
		id := i + 1
		msg := cmp.Or(rel.Message, "related location")
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID:               &id,
			PhysicalLocation: c.physical(parsePosn(rel.Posn), parsePosn(rel.End)),
			Message:          &sarifText{msg},
		})
	}
	for _, fix := range d.SuggestedFixes {
		f := sarifFix{Description: sarifText{fix.Message}}
		byFile := make(map[string]int) // uri -> index in ArtifactChanges
		for _, edit := range fix.Edits {
			loc := c.physical(c.offsetPosn(edit.Filename, edit.Start), c.offsetPosn(edit.Filename, edit.End))
			i, ok := byFile[loc.ArtifactLocation.URI]
			if !ok {
				i = len(f.ArtifactChanges)
				byFile[loc.ArtifactLocation.URI] = i
				f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactChange{ArtifactLocation: loc.ArtifactLocation})
			}
			f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, sarifReplacement{
				DeletedRegion:   loc.Region,
				InsertedContent: sarifText{edit.New},
			})
		}
		if len(f.ArtifactChanges) > 0 {
			r.Fixes = append(r.Fixes, f)
		}
	}
	return r
}

// physical returns the location of [pos, end). An end equal to pos (go
// vet's form of "no end"), or in another file, gives a region that
// names only the start.
func (c *converter) physical(pos, end posn) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{
		ArtifactLocation: c.artifact(pos.file),
		Region:           sarifRegion{StartLine: pos.line, StartColumn: c.column(pos)},
	}
	if end.file == pos.file && (end.line > pos.line || end.line == pos.line && end.col > pos.col) {
		loc.Region.EndLine = end.line
		loc.Region.EndColumn = c.column(end)
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

func (c *converter) content(filename string) []byte {
	content, ok := c.files[filename]
	if !ok {
		content, _ = os.ReadFile(filename)
		c.files[filename] = content
	}
	return content
}

// offsetPosn converts a byte offset in filename to a position.
func (c *converter) offsetPosn(filename string, offset int) posn {
	content := c.content(filename)
	if offset < 0 || offset > len(content) {
		return posn{file: filename, line: 1, col: 1}
	}
	before := content[:offset]
	line := 1 + strings.Count(string(before), "\n")
	col := offset - strings.LastIndexByte(string(before), '\n')
	return posn{filename, line, col}
}

// column converts p's byte column to UTF-16 code units. It falls back
// to the byte column when the file cannot be read or the line is not
// in it (a //line directive maps the position elsewhere).
func (c *converter) column(p posn) int {
	content := c.content(p.file)
	if p.col < 1 || p.line < 1 || content == nil {
		return p.col
	}
	start := 0
	for range p.line - 1 {
		i := slices.Index(content[start:], '\n')
		if i < 0 {
			return p.col
		}
		start += i + 1
	}
	end := start + p.col - 1
	if end > len(content) || slices.Contains(content[start:end], '\n') {
		return p.col
	}
	col := 1
	for prefix := content[start:end]; len(prefix) > 0; {
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
