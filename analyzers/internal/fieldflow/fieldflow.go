// Package fieldflow follows a value of one struct type (http.Transport,
// http.Client) from where it is constructed through the fields that are
// set on it afterwards: keys of the literal, assignments to the same
// variable or field path in the same function, and helpers that set
// fields through a pointer parameter. Helpers are summarised per
// function, so that analyzers can export the summaries as facts.
//
// It answers one question for the analyzers that check configuration:
// "which fields of this value are set, and does it escape to code we
// cannot see?". It never reports anything itself.
//
// The phases, one file each:
//
//   - find.go: [Tracker.Constructions] yields every construction of the
//     tracked type (literal, &T{}, new(T), var v T, a Clone call);
//   - summary.go: [Tracker.Summarize] summarises helpers, and
//     [HelperSummary] carries the summaries across packages as the
//     analyzer's own fact;
//   - follow.go: [Tracker.Follow] turns a [Construction] into a [Flow]:
//     its binding, the fields set on it, its escapes and its uses.
package fieldflow

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Kind says how a value was constructed.
type Kind int

const (
	Literal Kind = iota // T{...} or &T{...}
	New                 // new(T)
	ZeroVar             // var v T
	Call                // a call that returns a fresh *T, such as Clone
)

// Field is one setting of a field.
type Field struct {
	Name string
	// Value is the assigned expression, or nil when it cannot be known
	// (set by a helper, through &v.F, by v.F++ or a multi-value call).
	Value ast.Expr
	// Node is the KeyValueExpr, AssignStmt, IncDecStmt, UnaryExpr or
	// helper CallExpr that sets the field.
	Node ast.Node
}

// Construction is one construction of a tracked value, as the finder
// ([Tracker.Constructions]) sees it.
type Construction struct {
	Kind Kind
	// Expr is the construction: the CompositeLit (or &CompositeLit),
	// the new or Clone CallExpr, or the declared Ident of a ZeroVar.
	Expr ast.Expr
	// Cursor is Expr's cursor.
	Cursor inspector.Cursor
	Lit    *ast.CompositeLit // for Literal
	// Recv is the receiver of a Clone call (x in x.Clone()), for Call.
	Recv ast.Expr
}

// Flow is what [Tracker.Follow] computes for a construction: where the
// value is bound and what happens to it afterwards.
type Flow struct {
	Construction
	// Fields holds every setting seen, in source order per name.
	Fields map[string][]*Field
	// Var is the variable the value is bound to, or nil.
	Var *types.Var
	// Path is the variable or field path (s.t) the value is assigned
	// to, or nil when it is not bound.
	Path ast.Expr
	// Stmt is the *ast.AssignStmt or *ast.ValueSpec that binds it.
	Stmt ast.Node
	// StmtCursor is Stmt's cursor, when Stmt is not nil.
	StmtCursor inspector.Cursor
	// Escaped is set when the value reaches code that might set its
	// fields where we cannot see: an alias, a channel, a dynamic call.
	Escaped bool
	// Calls are the method calls made on the bound value (v.M(...)),
	// in source order.
	Calls []*ast.CallExpr
	// Uses counts the uses of the bound value other than field writes
	// and method calls (passed, returned, stored, compared).
	Uses int
}

// Set reports whether field name is set anywhere.
func (c *Flow) Set(names ...string) bool {
	for _, n := range names {
		if len(c.Fields[n]) > 0 {
			return true
		}
	}
	return false
}

// Last returns the last setting of name, or nil.
func (c *Flow) Last(name string) *Field {
	fs := c.Fields[name]
	if len(fs) == 0 {
		return nil
	}
	return fs[len(fs)-1]
}

func (c *Flow) add(f *Field) {
	if c.Fields == nil {
		c.Fields = make(map[string][]*Field)
	}
	c.Fields[f.Name] = append(c.Fields[f.Name], f)
}

// Tracker follows values of the named type PkgPath.Name.
type Tracker struct {
	Pass    *analysis.Pass
	Root    inspector.Cursor
	PkgPath string
	Name    string
	// Imported reports the fields that fn, declared in another
	// package, sets through its i'th parameter (from facts).
	Imported func(fn *types.Func, i int) []string

	local    map[*types.Func]map[int][]string
	asserted map[*types.Var][]string // see FieldAsserted
}

// IsType reports whether t is the tracked type (not a pointer).
func (tr *Tracker) IsType(t types.Type) bool {
	return t != nil && typesutil.IsNamed(t, tr.PkgPath, tr.Name)
}

// IsPtr reports whether t is a pointer to the tracked type.
func (tr *Tracker) IsPtr(t types.Type) bool {
	return t != nil && typesutil.IsPointerToNamed(t, tr.PkgPath, tr.Name)
}

// FieldOf returns the name of the tracked type's field that sel
// selects directly on a value or pointer of the tracked type, or "".
func (tr *Tracker) FieldOf(sel *ast.SelectorExpr) string {
	s, ok := tr.Pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return ""
	}
	if !tr.IsType(s.Recv()) && !tr.IsPtr(s.Recv()) {
		return ""
	}
	return s.Obj().Name()
}

// Const returns the constant value of e, if it has one.
func Const(info *types.Info, e ast.Expr) constant.Value {
	if e == nil {
		return nil
	}
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// Relevant is the fast path of an analyzer built on Tracker: a package
// can only hold a tracked net/http value if it imports net/http (or is
// net/http), or if a dependency exported a helper fact of the analyzer's
// type, like the one given.
func Relevant(pass *analysis.Pass, helperFact analysis.Fact) bool {
	if typesutil.Imports(pass.Pkg, typesutil.NetHTTP) || pass.Pkg.Path() == typesutil.NetHTTP {
		return true
	}
	want := reflect.TypeOf(helperFact)
	for _, f := range pass.AllObjectFacts() {
		if reflect.TypeOf(f.Fact) == want {
			return true
		}
	}
	return false
}
