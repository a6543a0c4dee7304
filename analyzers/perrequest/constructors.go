package perrequest

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/poollint/poollint/analyzers/internal/reqpath"
)

// constructors is the -constructors flag: a team's own pool
// constructors (database/sql.Open, a redis client, an internal SDK),
// which count like the built-in table in every rule.
//
// Each entry is importpath.Name or importpath.Type.Method. Name is a
// function whose every call builds a pool, or a type whose every value
// (literal, new, by-value copy) is one. An import path may itself
// contain dots (gopkg.in/yaml.v3), so an entry is read every way it
// can be split, and each reading becomes a pattern: a reading that
// names no real package never matches.
type constructors struct {
	entries  []string
	patterns []reqpath.Pattern
}

func (c *constructors) String() string { return strings.Join(c.entries, ",") }

// Get makes the flag a flag.Getter: the entries, as a list.
func (c *constructors) Get() any { return c.entries }

// Set replaces the list with the comma-separated entries of s.
func (c *constructors) Set(s string) error {
	var entries []string
	var patterns []reqpath.Pattern
	for entry := range strings.SplitSeq(s, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		ps, err := parseConstructor(entry)
		if err != nil {
			return err
		}
		entries = append(entries, entry)
		patterns = append(patterns, ps...)
	}
	c.entries, c.patterns = entries, patterns
	return nil
}

// parseConstructor returns the patterns an entry may mean.
func parseConstructor(entry string) ([]reqpath.Pattern, error) {
	slash := strings.LastIndex(entry, "/") + 1
	last := entry[slash:] // the import path's last element, then the names
	var out []reqpath.Pattern
	for i := 0; i < len(last); i++ {
		if last[i] != '.' {
			continue
		}
		pkg, names := entry[:slash+i], strings.Split(last[i+1:], ".")
		if pkg == "" || strings.HasSuffix(pkg, "/") || !allIdents(names) {
			continue
		}
		switch len(names) {
		case 1: // importpath.Func, or importpath.Type
			out = append(out,
				reqpath.Pattern{Pkg: pkg, Funcs: names},
				reqpath.Pattern{Pkg: pkg, Type: names[0]})
		case 2: // importpath.Type.Method
			out = append(out, reqpath.Pattern{Pkg: pkg, Recv: names[0], Funcs: names[1:]})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("constructor %q: want importpath.Func or importpath.Type.Method", entry)
	}
	return out, nil
}

func allIdents(names []string) bool {
	for _, n := range names {
		if !token.IsIdentifier(n) {
			return false
		}
	}
	return true
}
