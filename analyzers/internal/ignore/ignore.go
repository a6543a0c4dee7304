// Package ignore implements the //poollint:ignore directive, the one
// filter that every poollint analyzer's findings pass through.
//
// A directive names one or more analyzers and gives a reason:
//
//	resp, err := c.Get(url) //poollint:ignore unclosedbody,undrainedbody closed by the caller's middleware
//
//	//poollint:ignore perrequest one-off admin endpoint, called once a day
//	t := &http.Transport{}
//
// A directive at the end of a line of code covers that line; a directive
// on a line of its own covers the next line. A finding is suppressed
// when it starts on a covered line and its analyzer is named. Text after
// a further " //" is a comment on the directive, not part of the reason.
//
// The filter reports a directive that
//
//   - has no reason (it then suppresses nothing);
//   - names an analyzer that suppressed nothing on the covered line;
//   - names an unknown analyzer, or none.
//
// Findings in generated files (those with a "// Code generated ... DO
// NOT EDIT." line, see ast.IsGenerated) are dropped too: nobody can fix
// them there. Facts from generated code still count, so a handler that
// calls a generated constructor is still reported at the call.
//
// Each of those is reported by one analyzer, so a problem appears once:
// a stale name by the analyzer it names, a missing reason by the first
// analyzer the directive names, an unknown name by the known analyzer
// with the closest name, and a directive with no names by the first
// analyzer of the suite. An analyzer that does not run (turned off with
// -NAME=false or disable in golangci-lint, or opt-in and not enabled)
// never reports its directives as stale: a directive is stale only for
// an analyzer that ran.
//
// The directives and generated-file markers are found once per package,
// by Analyzer, which every filtered analyzer requires. analyzers.All()
// filters the suite with Wrap, and each analyzer package exports
// Filter(New()) as its Analyzer, so nogo users get the directive too.
package ignore

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//poollint:ignore"

// Names lists poollint's analyzers, in the suite's order: the names a
// directive may use when an analyzer runs on its own (Filter, for the
// exported Analyzer values that nogo runs). analyzers' tests check it
// against analyzers.All().
func Names() []string {
	return []string{"perrequest", "awsclient", "poolconfig", "poolsize", "clienttimeout", "unclosedbody", "undrainedbody"}
}

// Analyzer finds, once per package, the //poollint:ignore directives and
// the generated files. Every filtered analyzer requires it.
var Analyzer = &analysis.Analyzer{
	Name:       "poollintignore",
	Doc:        "find //poollint:ignore directives and generated files, for the poollint analyzers' filter",
	URL:        "https://pkg.go.dev/github.com/poollint/poollint/analyzers/internal/ignore",
	Run:        directives,
	ResultType: reflect.TypeFor[*Directives](),
}

// Directives is the result of Analyzer: read-only once computed, as
// the analyzers that share it run concurrently.
type Directives struct {
	list      []*directive
	byLine    map[fileLine][]*directive // by the line each covers
	generated map[string]bool           // file names
}

type fileLine struct {
	file string
	line int
}

func directives(pass *analysis.Pass) (any, error) {
	d := &Directives{list: parse(pass.Fset, pass.Files), byLine: make(map[fileLine][]*directive)}
	for _, dir := range d.list {
		k := fileLine{dir.file, dir.line}
		d.byLine[k] = append(d.byLine[k], dir)
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			if d.generated == nil {
				d.generated = make(map[string]bool)
			}
			d.generated[pass.Fset.File(f.FileStart).Name()] = true
		}
	}
	return d, nil
}

// Wrap returns copies of the analyzers of a suite whose Run filters
// their diagnostics through //poollint:ignore directives. Each copy keeps
// the original's Name, Doc, URL, Flags (the same flag values),
// FactTypes, ResultType and RunDespiteErrors, and requires Analyzer as
// well. The analyzers' names form the set of known names. Wrap does not
// modify its arguments and keeps no state outside the returned analyzers.
func Wrap(suite ...*analysis.Analyzer) []*analysis.Analyzer {
	names := make([]string, len(suite))
	for i, a := range suite {
		names[i] = a.Name
	}
	out := make([]*analysis.Analyzer, len(suite))
	for i, a := range suite {
		out[i] = wrap(a, names)
	}
	return out
}

// Filter returns a copy of a, one of poollint's analyzers, whose Run
// filters its diagnostics through //poollint:ignore directives, with
// Names as the known names. Each analyzer package exports
// Filter(New()) as its Analyzer, so drivers that run one analyzer at a
// time (Bazel's nogo) honour the directives too.
func Filter(a *analysis.Analyzer) *analysis.Analyzer {
	return wrap(a, Names())
}

func wrap(a *analysis.Analyzer, names []string) *analysis.Analyzer {
	w := *a // shallow copy: Flags share their flag.Values with a
	w.Requires = append(slices.Clip(a.Requires), Analyzer)
	// An analyzer with a -NAME.tests flag that is off finds nothing in
	// _test.go files: a directive there is not stale, it is unchecked
	// (the vet tool then does not even load those files).
	testsOff := func() bool {
		f := a.Flags.Lookup("tests")
		return f != nil && f.Value.String() != "true"
	}
	w.Run = filtered(a.Name, names, testsOff, a.Run)
	return &w
}

// A directive is one //poollint:ignore comment.
type directive struct {
	comment *ast.Comment
	file    string
	line    int // the line it covers
	names   []string
	reason  string
}

func (d *directive) covers(name string) bool {
	return d.reason != "" && slices.Contains(d.names, name)
}

// filtered wraps run, the Run function of the analyzer called self.
func filtered(self string, suite []string, testsOff func() bool, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		dirs := pass.ResultOf[Analyzer].(*Directives)
		if len(dirs.list) == 0 && len(dirs.generated) == 0 {
			return run(pass)
		}
		used := make(map[*directive]bool) // suppressed one of self's findings
		report := pass.Report
		inner := *pass
		inner.Report = func(diag analysis.Diagnostic) {
			if p := pass.Fset.Position(diag.Pos); p.IsValid() {
				if dirs.generated[p.Filename] {
					return
				}
				suppressed := false
				for _, d := range dirs.byLine[fileLine{p.Filename, p.Line}] {
					if d.covers(self) {
						used[d] = true
						suppressed = true
					}
				}
				if suppressed {
					return
				}
			}
			report(diag)
		}
		result, err := run(&inner)
		if err != nil {
			return result, err
		}
		for _, d := range dirs.list {
			if !used[d] && strings.HasSuffix(d.file, "_test.go") && testsOff() {
				continue
			}
			for _, msg := range problems(d, self, suite, used[d]) {
				report(analysis.Diagnostic{
					Pos:      d.comment.Pos(),
					End:      d.comment.End(),
					Category: "directive",
					Message:  msg,
				})
			}
		}
		return result, nil
	}
}

// problems returns what analyzer self must report about d once self has
// run on the package; used says whether d suppressed one of its findings.
func problems(d *directive, self string, suite []string, used bool) []string {
	var msgs []string
	var known []string
	for _, n := range d.names {
		if slices.Contains(suite, n) {
			known = append(known, n)
		} else if closest(n, suite) == self {
			msgs = append(msgs, fmt.Sprintf("poollint:ignore names unknown analyzer %q (did you mean %s?); known analyzers: %s",
				n, self, strings.Join(suite, ", ")))
		}
	}
	switch {
	case len(d.names) == 0:
		if self == suite[0] {
			msgs = append(msgs, "poollint:ignore names no analyzer; write "+Prefix+" NAME[,NAME] reason")
		}
	case d.reason == "":
		if len(known) > 0 && known[0] == self {
			msgs = append(msgs, fmt.Sprintf("poollint:ignore needs a reason after the analyzer names, so it suppresses nothing; write %s %s reason",
				Prefix, strings.Join(d.names, ",")))
		}
	case slices.Contains(known, self) && !used:
		if len(d.names) == 1 {
			msgs = append(msgs, fmt.Sprintf("poollint:ignore suppresses no %s finding; remove the directive", self))
		} else {
			msgs = append(msgs, fmt.Sprintf("poollint:ignore suppresses no %s finding; remove %s from the directive", self, self))
		}
	}
	return msgs
}

// closest returns the name in suite nearest to name by edit distance,
// the earliest on a tie.
func closest(name string, suite []string) string {
	best, bestDist := "", -1
	for _, s := range suite {
		if d := distance(name, s); bestDist < 0 || d < bestDist {
			best, bestDist = s, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// parse returns the //poollint:ignore directives in files, in source
// order, each with the line it covers.
func parse(fset *token.FileSet, files []*ast.File) []*directive {
	var dirs []*directive
	for _, f := range files {
		var codeLines map[int]bool // computed on the first directive
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				if codeLines == nil {
					codeLines = linesWithCode(fset, f)
				}
				pos := fset.Position(c.Pos())
				d := &directive{comment: c, file: pos.Filename, line: pos.Line}
				if !codeLines[pos.Line] {
					d.line++ // on a line of its own: covers the next line
				}
				// A further "//" comment ends the directive, so
				// "//poollint:ignore NAME reason // note" has reason "reason".
				for _, sep := range []string{" //", "\t//"} {
					if i := strings.Index(rest, sep); i >= 0 {
						rest = rest[:i]
					}
				}
				fields := strings.Fields(rest)
				if len(fields) > 0 {
					for n := range strings.SplitSeq(fields[0], ",") {
						if n != "" {
							d.names = append(d.names, n)
						}
					}
					d.reason = strings.Join(fields[1:], " ")
				}
				dirs = append(dirs, d)
			}
		}
	}
	return dirs
}

// linesWithCode returns the lines of f on which a syntax node starts or
// ends: the lines where a directive comment trails code.
func linesWithCode(fset *token.FileSet, f *ast.File) map[int]bool {
	tf := fset.File(f.FileStart)
	lines := make(map[int]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.CommentGroup, *ast.Comment:
			return false
		case *ast.File:
			lines[tf.Line(n.Pos())] = true // the package clause
			return true
		}
		if n.Pos().IsValid() {
			lines[tf.Line(n.Pos())] = true
		}
		if n.End().IsValid() && n.End() > n.Pos() {
			lines[tf.Line(n.End()-1)] = true
		}
		return true
	})
	return lines
}
