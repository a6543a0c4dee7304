package testutil

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// A Finding is one diagnostic printed by a driver: go vet, poollint
// standalone, or golangci-lint.
type Finding struct {
	File    string // absolute path
	Line    int
	Message string
}

func (f Finding) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message) }

// A Want is a `// want "regexp"` expectation in a source file, in the
// form analysistest uses: one or more quoted or back-quoted regexps.
type Want struct {
	File string
	Line int
	Re   *regexp.Regexp
}

var (
	wantComment = regexp.MustCompile(`// want (.*)$`)
	wantArg     = regexp.MustCompile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
)

// Wants collects the `// want` expectations of every .go file below dir.
func Wants(dir string) ([]Want, error) {
	var wants []Want
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantComment.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			rest := m[1]
			for {
				a := wantArg.FindStringSubmatch(rest)
				if a == nil {
					break
				}
				rest = rest[len(a[0]):]
				pat := a[1][1 : len(a[1])-1]
				if a[1][0] == '"' {
					if pat, err = strconv.Unquote(a[1]); err != nil {
						return fmt.Errorf("%s:%d: %v", path, line, err)
					}
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					return fmt.Errorf("%s:%d: %v", path, line, err)
				}
				wants = append(wants, Want{File: path, Line: line, Re: re})
			}
		}
		return sc.Err()
	})
	return wants, err
}

var findingLine = regexp.MustCompile(`^(.+?\.go):(\d+):(?:\d+:)? (.*)$`)

// ParseFindings reads "file:line:col: message" lines from a driver's
// output; relative paths are resolved against dir. Other lines are
// ignored.
func ParseFindings(output, dir string) []Finding {
	var out []Finding
	for _, l := range strings.Split(output, "\n") {
		m := findingLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil || strings.HasPrefix(m[3], "\t") {
			continue // not a finding, or related information ("posn: \tmessage")
		}
		file := m[1]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		line, _ := strconv.Atoi(m[2])
		out = append(out, Finding{File: filepath.Clean(file), Line: line, Message: m[3]})
	}
	return out
}

// Match checks that findings and wants correspond one to one: every
// finding matches an unused want on its line, and every want is used.
func Match(t testing.TB, wants []Want, findings []Finding) {
	t.Helper()
	used := make([]bool, len(wants))
	sort.Slice(findings, func(i, j int) bool {
		if findings[i].File != findings[j].File {
			return findings[i].File < findings[j].File
		}
		return findings[i].Line < findings[j].Line
	})
outer:
	for _, f := range findings {
		for i, w := range wants {
			if !used[i] && filepath.Clean(w.File) == f.File && w.Line == f.Line && w.Re.MatchString(f.Message) {
				used[i] = true
				continue outer
			}
		}
		t.Errorf("unexpected finding: %s", f)
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("%s:%d: no finding matched %q", w.File, w.Line, w.Re)
		}
	}
}
