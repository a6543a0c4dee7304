package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A driver is standalone poollint: it runs go vet with poollint as the
// vet tool (the unit protocol: one small process per package, whose
// results the go command caches by tool and flags), then presents what
// go vet found as text, one JSON document or SARIF, or applies the
// suggested fixes.
type driver struct {
	progname string
	vettool  string               // the executable go vet runs per package
	suite    []*analysis.Analyzer // the analyzers vettool holds, for flags and SARIF rules
	dir      string               // working directory; "" means the current one
	stdout   io.Writer
	stderr   io.Writer
}

// options are the driver's own flags.
type options struct {
	json, sarif, fix, diff bool
	context                int
	tests                  bool
	tags                   string
}

// main parses args, runs go vet and returns the exit code: 3 on findings
// and 1 on errors in text mode; 0 with -json, -sarif and -fix unless
// something failed (1).
func (d *driver) main(args []string) int {
	fs := flag.NewFlagSet(d.progname, flag.ContinueOnError)
	fs.SetOutput(d.stderr)
	var o options
	fs.BoolVar(&o.json, "json", false, "write the findings as one JSON document on standard output (exit 0)")
	fs.BoolVar(&o.sarif, "sarif", false, "write SARIF 2.1.0 on standard output (exit 0)")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of each finding")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.IntVar(&o.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.tests, "test", true, "report findings in _test.go files too")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags (as go build -tags)")
	// Analyzer flags are checked here and forwarded to go vet as typed.
	var forward []string
	for _, a := range d.suite {
		fs.Var(&forwarded{Value: new(triState), name: a.Name, args: &forward}, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := a.Name + "." + f.Name
			fs.Var(&forwarded{Value: f.Value, name: name, args: &forward}, name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(d.stderr, "usage: %s [-json|-sarif|-fix [-diff]] [-c=N] [-tags=...] [-test=false] [-NAME[=false]] [-NAME.FLAG=value] packages...\nrun \"%[1]s help\" for the analyzers, output modes and exit codes\n", d.progname)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 1
	}
	switch {
	case fs.NArg() == 0:
		fs.Usage()
		return 1
	case o.sarif && (o.json || o.fix || o.diff):
		fmt.Fprintf(d.stderr, "%s: -sarif does not combine with -json, -fix or -diff\n", d.progname)
		return 1
	case o.json && o.fix:
		fmt.Fprintf(d.stderr, "%s: -json does not combine with -fix\n", d.progname)
		return 1
	case o.diff && !o.fix:
		fmt.Fprintf(d.stderr, "%s: -diff needs -fix\n", d.progname)
		return 1
	case o.fix && o.context >= 0:
		fmt.Fprintf(d.stderr, "%s: -c does not combine with -fix\n", d.progname)
		return 1
	}

	vetArgs := []string{"vet", "-vettool=" + d.vettool}
	if o.tags != "" {
		vetArgs = append(vetArgs, "-tags="+o.tags)
	}
	if o.fix {
		vetArgs = append(vetArgs, "-fix")
		if o.diff {
			vetArgs = append(vetArgs, "-diff")
		}
	} else {
		// Always JSON from the tool: findings do not fail the unit, so
		// the go command caches every package's result, and the driver
		// renders one document in any mode.
		vetArgs = append(vetArgs, "-json")
	}
	vetArgs = append(vetArgs, forward...)
	vetArgs = append(vetArgs, fs.Args()...)

	var stdout, stderr bytes.Buffer
	cmd := exec.Command("go", vetArgs...)
	cmd.Dir = d.dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		fmt.Fprintf(d.stderr, "%s: running go vet: %v\n", d.progname, runErr)
		return 1
	}
	// go vet's own stderr carries only errors here (the tool writes
	// findings as JSON to stdout): type errors as the compiler prints
	// them, once per package, and package loading errors.
	vetFailed := runErr != nil

	if o.fix {
		d.stderr.Write(stderr.Bytes())
		if o.diff {
			d.stdout.Write(stdout.Bytes())
			// go vet -diff exits 1 when the diff is not empty.
			if vetFailed && stderr.Len() == 0 {
				vetFailed = false
			}
		}
		return exitIf(vetFailed)
	}

	tree, err := decodeTree(&stdout)
	if err != nil {
		fmt.Fprintf(d.stderr, "%s: reading go vet's output: %v\n", d.progname, err)
		return 1
	}
	if !o.tests {
		tree.dropTestFiles()
	}
	errs := tree.errors()
	switch {
	case o.sarif:
		dir, err := d.workDir()
		if err != nil {
			fmt.Fprintln(d.stderr, err)
			return 1
		}
		notes := slices.Clone(errs)
		if s := strings.TrimSpace(stderr.String()); s != "" {
			notes = append(notes, s)
		} else if vetFailed {
			notes = append(notes, "go vet failed")
		}
		enc := json.NewEncoder(d.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(buildLog(d.suite, tree, dir, notes)); err != nil {
			fmt.Fprintln(d.stderr, err)
			return 1
		}
		d.stderr.Write(stderr.Bytes())
		return exitIf(len(notes) > 0)
	case o.json:
		d.stderr.Write(stderr.Bytes())
		data, err := json.MarshalIndent(tree, "", "\t")
		if err != nil {
			fmt.Fprintln(d.stderr, err)
			return 1
		}
		fmt.Fprintf(d.stdout, "%s\n", data)
		return exitIf(vetFailed)
	}
	d.stderr.Write(stderr.Bytes())
	for _, e := range errs {
		fmt.Fprintln(d.stderr, e)
	}
	findings := d.printText(tree, o.context)
	switch {
	case vetFailed || len(errs) > 0:
		return 1
	case findings > 0:
		return 3
	}
	return 0
}

func exitIf(failed bool) int {
	if failed {
		return 1
	}
	return 0
}

func (d *driver) workDir() (string, error) {
	if d.dir != "" {
		return filepath.Abs(d.dir)
	}
	return os.Getwd()
}

// printText writes the findings in go vet's form, sorted by position,
// each related location indented below its finding, and returns how
// many it wrote.
func (d *driver) printText(tree jsonTree, context int) int {
	wd, _ := d.workDir()
	diags := tree.diagnostics()
	for _, fd := range diags {
		d.printPlain(wd, fd.Posn, fd.End, fd.Message, context)
		for _, r := range fd.Related {
			d.printPlain(wd, r.Posn, r.End, "\t"+r.Message, context)
		}
	}
	return len(diags)
}

// printPlain prints one line as x/tools' drivers do, with paths below
// the working directory made relative, as go vet shows them.
func (d *driver) printPlain(wd, posn, end, message string, context int) {
	p := parsePosn(posn)
	name := p.file
	if rel, err := filepath.Rel(wd, p.file); err == nil && filepath.IsLocal(rel) {
		name = "." + string(filepath.Separator) + rel
	}
	fmt.Fprintf(d.stderr, "%s:%d:%d: %s\n", name, p.line, p.col, message)
	if context < 0 {
		return
	}
	last := parsePosn(end).line
	if last < p.line {
		last = p.line
	}
	data, _ := os.ReadFile(p.file)
	lines := strings.Split(string(data), "\n")
	for i := p.line - context; i <= last+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(d.stderr, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// A forwarded flag checks its value with the analyzer's own flag.Value
// and records it, as typed, for go vet's command line.
type forwarded struct {
	flag.Value
	name string
	args *[]string
}

func (f *forwarded) Set(s string) error {
	if err := f.Value.Set(s); err != nil {
		return err
	}
	*f.args = append(*f.args, "-"+f.name+"="+s)
	return nil
}

func (f *forwarded) IsBoolFlag() bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// A triState is a boolean flag that knows whether it was set, like the
// analysis drivers' -NAME flags.
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

// The JSON that go vet's tools write per package (x/tools'
// driverutil.JSONTree): package ID → analyzer → findings or an error.
type (
	jsonTree map[string]map[string]*jsonResult

	jsonResult struct {
		Diagnostics []jsonDiagnostic
		Err         string
	}

	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}

	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}

	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}

	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

func (r *jsonResult) MarshalJSON() ([]byte, error) {
	if r.Err != "" {
		return json.Marshal(struct {
			Err string `json:"error"`
		}{r.Err})
	}
	return json.Marshal(r.Diagnostics)
}

func (r *jsonResult) UnmarshalJSON(data []byte) error {
	if d := bytes.TrimSpace(data); len(d) > 0 && d[0] == '[' {
		return json.Unmarshal(d, &r.Diagnostics)
	}
	var e struct {
		Err string `json:"error"`
	}
	err := json.Unmarshal(data, &e)
	r.Err = cmp.Or(e.Err, "unknown error")
	return err
}

// decodeTree merges the stream of per-package JSON documents go vet
// prints into one tree.
func decodeTree(r io.Reader) (jsonTree, error) {
	tree := make(jsonTree)
	dec := json.NewDecoder(r)
	for {
		var unit jsonTree
		if err := dec.Decode(&unit); err == io.EOF {
			return tree, nil
		} else if err != nil {
			return nil, err
		}
		for id, byAnalyzer := range unit {
			if tree[id] == nil {
				tree[id] = make(map[string]*jsonResult)
			}
			for name, res := range byAnalyzer {
				if prev := tree[id][name]; prev != nil && res.Err == "" {
					prev.Diagnostics = append(prev.Diagnostics, res.Diagnostics...)
					continue
				}
				tree[id][name] = res
			}
		}
	}
}

// dropTestFiles removes findings in _test.go files (-test=false).
func (t jsonTree) dropTestFiles() {
	for id, byAnalyzer := range t {
		for name, res := range byAnalyzer {
			res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d jsonDiagnostic) bool {
				return strings.HasSuffix(parsePosn(d.Posn).file, "_test.go")
			})
			if res.Err == "" && len(res.Diagnostics) == 0 {
				delete(byAnalyzer, name)
			}
		}
		if len(byAnalyzer) == 0 {
			delete(t, id)
		}
	}
}

// errors returns the analyzer errors in the tree, sorted.
func (t jsonTree) errors() []string {
	var errs []string
	for id, byAnalyzer := range t {
		for name, res := range byAnalyzer {
			if res.Err != "" {
				errs = append(errs, fmt.Sprintf("%s: %s: %s", id, name, res.Err))
			}
		}
	}
	slices.Sort(errs)
	return errs
}

// A finding is one diagnostic and the analyzer that reported it.
type finding struct {
	analyzer string
	jsonDiagnostic
}

// diagnostics returns every finding of the tree once (a file can be
// analysed in more than one package variant), sorted by position, then
// analyzer and message.
func (t jsonTree) diagnostics() []finding {
	type key struct{ analyzer, posn, end, message string }
	seen := make(map[key]bool)
	var out []finding
	for _, byAnalyzer := range t {
		for name, res := range byAnalyzer {
			for _, d := range res.Diagnostics {
				k := key{name, d.Posn, d.End, d.Message}
				if !seen[k] {
					seen[k] = true
					out = append(out, finding{name, d})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		pa, pb := parsePosn(a.Posn), parsePosn(b.Posn)
		return cmp.Or(
			cmp.Compare(pa.file, pb.file),
			cmp.Compare(pa.line, pb.line),
			cmp.Compare(pa.col, pb.col),
			cmp.Compare(a.analyzer, b.analyzer),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return out
}

// A posn is a parsed "file:line:col" position (col in bytes, from 1).
type posn struct {
	file      string
	line, col int
}

func parsePosn(s string) posn {
	rest, c, ok1 := cutLast(s)
	file, l, ok2 := cutLast(rest)
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		return posn{file: s}
	}
	return posn{file, line, col}
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}
