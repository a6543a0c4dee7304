package reqpath

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A PoolKind is the family a construction belongs to. Advice names it:
// "build the client once ...". The zero kind is a connection pool,
// which advice calls "it" ("build it once and reuse it").
type PoolKind string

const (
	KindPool    PoolKind = ""        // a connection pool: http.Transport and the like
	KindClient  PoolKind = "client"  // a client that owns a pool: an AWS service client
	KindConfig  PoolKind = "config"  // a resolved configuration: aws.Config
	KindSession PoolKind = "session" // an aws-sdk-go v1 session
)

// object is how advice refers to a value of the kind.
func (k PoolKind) object() string {
	if k == KindPool {
		return "it"
	}
	return "the " + string(k)
}

// A Construction is what one construction site builds: a value, not a
// string to re-parse. It crosses packages inside builder facts, so its
// fields are plain strings (gob-encodable).
type Construction struct {
	// What names the construction as code spells it: the type built
	// ("http.Transport") or the function called ("s3.NewFromConfig").
	What string
	// Noun is the value built, for "builds a new ..." messages:
	// "http.Transport", "s3 client", "aws.Config", "session".
	Noun string
	// Verb is how the site builds it: "created", "cloned", "copied by
	// value", "called".
	Verb string
	// Kind is the family, which advice names.
	Kind PoolKind
	// SharesPool: the value uses a pool it was given rather than a new
	// one (see [Pattern].SharesPool).
	SharesPool bool
}

// A Pattern is one entry of a [Spec]'s table: one way code builds a
// pool or a client. An entry names either a type (Type) or functions
// (Funcs, methods when Recv is set).
//
// A Type entry matches T{...}, &T{...}, new(T), a by-value copy *p, and
// a call of a Clone method on *T: each is a new pool. A Funcs entry
// matches a call of one of the functions.
type Pattern struct {
	// Pkg is the import path of the type or the functions. With
	// Prefix, it is a path prefix: every package below it matches
	// ("github.com/aws/aws-sdk-go-v2/service").
	Pkg    string
	Prefix bool
	// Type is a named type of Pkg whose every value is a new pool.
	Type string
	// Funcs are functions of Pkg whose every call builds one; with
	// Recv, methods of the named type Recv (pointer or not).
	Funcs []string
	Recv  string
	// Check, when set, must also accept the callee of a Funcs entry
	// (a signature check, for families matched by shape).
	Check func(fn *types.Func, sig *types.Signature) bool
	// Qualifier replaces the package name in messages, for packages
	// whose name says little ("awshttp" for aws/transport/http).
	Qualifier string
	// Noun is the value built, for messages. When empty it is derived:
	// with PkgNoun, the callee's package name and PkgNoun ("s3
	// client"); otherwise the type ("http.Transport") or the named
	// type of the call's first result ("grpc.ClientConn").
	Noun    string
	PkgNoun string
	// Kind is the family, which advice names (see [PoolKind]).
	Kind PoolKind
	// SharesPool: the value shares the pool of what it is built from
	// (an aws-sdk-go v1 service client uses its session's HTTP client).
	// It still costs work per request, so it counts on per-request
	// paths, but building one per call or per item is no new pool.
	SharesPool bool
}

// A Spec is what an analyzer built on the model supplies: its table of
// constructions and its fact types. [Run] does the rest.
type Spec struct {
	// Patterns is the table of constructions.
	Patterns []Pattern
	// Fact returns a new, empty builder fact of the analyzer's type.
	Fact func() BuilderFact
	// PackageFact returns a new package fact of the analyzer's type,
	// exported by a package with an exported builder so that importers
	// know they must look (see [MayReach]).
	PackageFact func() analysis.Fact
	// Tests: also report in _test.go files.
	Tests bool

	// The table, indexed on first use.
	index *patternIndex
}

// patternIndex finds the patterns that may match a package path.
type patternIndex struct {
	byPkg    map[string][]*Pattern
	prefixed []*Pattern
	types    bool // some pattern is a Type: visit literals and copies
}

func (spec *Spec) patterns() *patternIndex {
	if spec.index != nil {
		return spec.index
	}
	ix := &patternIndex{byPkg: make(map[string][]*Pattern)}
	for i := range spec.Patterns {
		p := &spec.Patterns[i]
		if p.Prefix {
			ix.prefixed = append(ix.prefixed, p)
		} else {
			ix.byPkg[p.Pkg] = append(ix.byPkg[p.Pkg], p)
		}
		ix.types = ix.types || p.Type != ""
	}
	spec.index = ix
	return ix
}

// forPkg calls yield with each pattern that may match package path.
func (ix *patternIndex) forPkg(path string, yield func(*Pattern) bool) bool {
	for _, p := range ix.byPkg[path] {
		if yield(p) {
			return true
		}
	}
	for _, p := range ix.prefixed {
		if typesutil.PkgPathHasPrefix(path, p.Pkg) && yield(p) {
			return true
		}
	}
	return false
}

// direct reports whether code importing path may build a value by
// itself (rather than through a builder of another package).
func (ix *patternIndex) direct(path string) bool {
	return ix.forPkg(path, func(*Pattern) bool { return true })
}

// nodes are the node types the construction matcher wants to see.
func (ix *patternIndex) nodes() []ast.Node {
	if ix.types {
		return []ast.Node{(*ast.CompositeLit)(nil), (*ast.StarExpr)(nil), (*ast.CallExpr)(nil)}
	}
	return []ast.Node{(*ast.CallExpr)(nil)}
}

// pool reports whether t is the named type of a Type pattern, and
// names it.
func (ix *patternIndex) pool(t types.Type) (*Pattern, string, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil, "", false
	}
	obj := n.Obj()
	var found *Pattern
	ix.forPkg(obj.Pkg().Path(), func(p *Pattern) bool {
		if p.Type == obj.Name() {
			found = p
		}
		return found != nil
	})
	if found == nil {
		return nil, "", false
	}
	return found, found.qualifier(obj.Pkg()) + "." + obj.Name(), true
}

func (p *Pattern) qualifier(pkg *types.Package) string {
	if p.Qualifier != "" {
		return p.Qualifier
	}
	return pkg.Name()
}

// matchesFunc reports whether fn is one of the pattern's functions.
func (p *Pattern) matchesFunc(fn *types.Func) bool {
	if len(p.Funcs) == 0 {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	found := false
	for _, name := range p.Funcs {
		if name == fn.Name() {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	if p.Recv == "" {
		if sig.Recv() != nil {
			return false
		}
	} else if sig.Recv() == nil || !typesutil.IsNamedOrPointer(sig.Recv().Type(), fn.Pkg().Path(), p.Recv) {
		return false
	}
	return p.Check == nil || p.Check(fn, sig)
}

// construct reports whether the node at cur builds a value of the
// table, and what.
func (spec *Spec) construct(info *types.Info, cur inspector.Cursor) (Construction, bool) {
	ix := spec.patterns()
	typed := func(t types.Type, verb string) (Construction, bool) {
		p, name, ok := ix.pool(t)
		if !ok {
			return Construction{}, false
		}
		noun := name
		if p.Noun != "" {
			noun = p.Noun
		}
		return Construction{What: name, Noun: noun, Verb: verb, Kind: p.Kind, SharesPool: p.SharesPool}, true
	}
	switch n := cur.Node().(type) {
	case *ast.CompositeLit: // T{...}
		if ix.types {
			return typed(info.TypeOf(n), "created")
		}
	case *ast.StarExpr: // a by-value copy: t2 := *t
		if !ix.types {
			break
		}
		if tv, ok := info.Types[n]; !ok || !tv.IsValue() {
			break
		}
		switch cur.ParentEdgeKind() {
		case edge.AssignStmt_Rhs, edge.ValueSpec_Values, edge.KeyValueExpr_Value,
			edge.CompositeLit_Elts, edge.CallExpr_Args, edge.ReturnStmt_Results:
			return typed(info.TypeOf(n), "copied by value")
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 && ix.types {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return typed(info.TypeOf(n.Args[0]), "created")
			}
		}
		return spec.constructCall(info, n)
	}
	return Construction{}, false
}

// constructCall reports whether call (other than new) builds a value of
// the table: a Clone of a pool type, or a call of a Funcs pattern.
func (spec *Spec) constructCall(info *types.Info, call *ast.CallExpr) (Construction, bool) {
	ix := spec.patterns()
	fn := typesutil.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return Construction{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return Construction{}, false
	}
	if fn.Name() == "Clone" && sig.Recv() != nil && ix.types {
		if p, ok := types.Unalias(sig.Recv().Type()).(*types.Pointer); ok {
			if pat, name, ok := ix.pool(p.Elem()); ok {
				noun := name
				if pat.Noun != "" {
					noun = pat.Noun
				}
				return Construction{What: name, Noun: noun, Verb: "cloned", Kind: pat.Kind, SharesPool: pat.SharesPool}, true
			}
		}
	}
	var found *Pattern
	ix.forPkg(fn.Pkg().Path(), func(p *Pattern) bool {
		if p.matchesFunc(fn) {
			found = p
		}
		return found != nil
	})
	if found == nil {
		return Construction{}, false
	}
	return found.callConstruction(fn, sig), true
}

// callConstruction describes a call of fn, matched by p.
func (p *Pattern) callConstruction(fn *types.Func, sig *types.Signature) Construction {
	qual := p.qualifier(fn.Pkg())
	what := qual + "." + fn.Name()
	if p.Recv != "" {
		what = qual + "." + p.Recv + "." + fn.Name()
	}
	noun := p.Noun
	switch {
	case noun != "":
	case p.PkgNoun != "":
		noun = fn.Pkg().Name() + " " + p.PkgNoun
	case sig.Results().Len() > 0:
		t := types.Unalias(sig.Results().At(0).Type())
		if ptr, ok := t.(*types.Pointer); ok {
			t = types.Unalias(ptr.Elem())
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
			q := n.Obj().Pkg().Name()
			if n.Obj().Pkg() == fn.Pkg() {
				q = qual
			}
			noun = q + "." + n.Obj().Name()
		}
	}
	if noun == "" {
		noun = "value of " + what
	}
	return Construction{What: what, Noun: noun, Verb: "called", Kind: p.Kind, SharesPool: p.SharesPool}
}
