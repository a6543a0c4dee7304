package reqpath

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Run is the whole run of an analyzer built on the model (perrequest,
// awsclient): it supplies its Spec, the model does the rest.
//
//  1. Skip: the standard library, and packages that import nothing of
//     the spec's table and no package with builders.
//  2. Find: constructions and builder calls that run per request and
//     do not outlive it; export builder facts ([Model.Find]).
//  3. Report: one diagnostic each, outside test code unless spec.Tests:
//     _test.go files, and test helpers (functions given a *testing.T,
//     *testing.B, *testing.F or testing.TB) in other files, such as a
//     testutil package's RequireMinNodes(t, ...) (corpus: opensearch-go).
func Run(pass *analysis.Pass, spec *Spec) (any, error) {
	if passutil.InGOROOT(pass) || !MayReach(pass, spec) {
		return nil, nil
	}
	model := pass.ResultOf[Analyzer].(*Model)
	var found []Finding
	for _, f := range model.Find(pass, spec) {
		if !spec.Tests && passutil.InTestCode(pass, f.Node.Pos()) {
			continue
		}
		found = append(found, f)
	}
	for _, d := range diagnostics(found, pass.Pkg) {
		pass.Report(d)
	}
	return nil, nil
}

// diagnostics renders the findings of one package. Calls of one builder
// of the package that each build per call of the function they are in
// (no handler, no loop) become one diagnostic at the construction in the
// builder, with each call as related information: the fix is in the
// builder (rain's getClient, called by 18 functions of one file, is one
// finding, not 18). A call in a handler or a loop keeps its own
// diagnostic: there the repetition is the caller's.
//
// A call of a builder whose construction is itself reported (a function
// that builds, uses and drops a pool on every call) is the same pool: it
// is folded into that finding, whose message then says how often the
// builder runs ("..., and sendUsageReport runs per iteration of a loop;
// ..."), with the call as related information (syncthing's usage report,
// reported at its transport and again at the timer loop that calls it).
func diagnostics(found []Finding, pkg *types.Package) []analysis.Diagnostic {
	groups := make(map[*types.Func][]Finding)
	built := make(map[token.Pos]bool) // constructions reported themselves
	for _, f := range found {
		switch {
		case f.Callee == nil:
			built[f.Node.Pos()] = true
		case groupable(f, pkg):
			groups[f.Callee] = append(groups[f.Callee], f)
		}
	}
	folded := make(map[token.Pos][]Finding) // construction -> the calls folded into its finding
	var diags []analysis.Diagnostic
	for _, f := range found {
		switch g := groups[f.Callee]; {
		case f.Callee == nil:
			// rendered below, once every call folded into it is known
		case groupable(f, pkg) && len(g) > 1:
			if g[0].Node == f.Node { // the group is reported at its first member
				diags = append(diags, groupDiagnostic(g, pkg))
			}
		case built[f.Builder.Site]:
			folded[f.Builder.Site] = append(folded[f.Builder.Site], f)
		default:
			diags = append(diags, f.Diagnostic(pkg))
		}
	}
	for _, f := range found {
		if f.Callee == nil {
			diags = append(diags, f.diagnostic(pkg, folded[f.Node.Pos()]))
		}
	}
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Pos < diags[j].Pos })
	return diags
}

// groupable reports whether f is a call of a builder of pkg, with the
// construction in pkg, that builds per call of the function it is in.
func groupable(f Finding, pkg *types.Package) bool {
	return f.Callee != nil && f.Callee.Pkg() == pkg && f.Builder.Site.IsValid() &&
		f.Context.Call != "" && f.Context.Root == nil && f.Context.Loop == nil
}

// groupDiagnostic renders calls g of one builder:
//
//	getClient builds a new cloudformation client on every call, and 18 functions call it and drop it (GetStackTemplate, ListStacks, ...); build the client once (...) and reuse it
func groupDiagnostic(g []Finding, pkg *types.Package) analysis.Diagnostic {
	f := g[0]
	c := f.Construction
	names := make([]string, 0, 3)
	for _, m := range g {
		if len(names) == cap(names) {
			names = append(names, "...")
			break
		}
		names = append(names, m.Context.Call)
	}
	d := analysis.Diagnostic{
		Pos: f.Builder.Site,
		Message: fmt.Sprintf("%s builds a new %s on every call, and %d functions call it and drop it (%s); %s",
			typesutil.FuncName(f.Callee, pkg), c.Noun, len(g), strings.Join(names, ", "),
			"build "+c.Kind.object()+" once (in a package variable or a struct field of its users) and reuse it"),
	}
	for _, m := range g {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: m.Node.Pos(),
			Message: "called here " + m.Context.Describe() + ", dropped after use"})
	}
	return d
}

// Diagnostic renders a finding, from the package pkg:
//
//	http.Transport created per request in handler Upload; build it once and reuse it
//	lib.NewClient builds a new s3 client on every call, here per ...; build the client once ...
//
// Related points at the construction inside a builder, and at the root
// or loop that makes the code run repeatedly.
func (f Finding) Diagnostic(pkg *types.Package) analysis.Diagnostic {
	return f.diagnostic(pkg, nil)
}

// diagnostic renders a construction's finding with the builder calls
// folded into it (see diagnostics): its message says how often the
// function that builds runs, and each call is related information.
func (f Finding) diagnostic(pkg *types.Package, calls []Finding) analysis.Diagnostic {
	c, ctx := f.Construction, f.Context
	d := analysis.Diagnostic{Pos: f.Node.Pos(), End: f.Node.End()}
	var runs string // ", and F runs per request in handler H and per iteration of a loop"
	var hows []string
	var called []analysis.RelatedInformation
	for _, call := range calls {
		how := call.Context.Describe()
		if !slices.Contains(hows, how) {
			hows = append(hows, how)
		}
		called = append(called, analysis.RelatedInformation{Pos: call.Node.Pos(), Message: "called here " + how})
	}
	if len(hows) > 0 {
		runs = ", and " + typesutil.FuncName(calls[0].Callee, pkg) + " runs " + strings.Join(hows, " and ")
	}
	switch {
	case ctx.Call != "" && f.Callee != nil:
		d.Message = fmt.Sprintf("%s builds a new %s %s, dropped after use; %s",
			typesutil.FuncName(f.Callee, pkg), c.Noun, ctx.Describe(), ctx.Advice(c.Kind))
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: c.What + " " + c.Verb + " here"})
		}
	case ctx.Call != "":
		d.Message = fmt.Sprintf("%s %s %s and dropped after use%s; %s", c.What, c.Verb, ctx.Describe(), runs, ctx.Advice(c.Kind))
	case f.Callee != nil:
		d.Message = fmt.Sprintf("%s builds a new %s on every call, here %s; %s",
			typesutil.FuncName(f.Callee, pkg), c.Noun, ctx.Describe(), ctx.Advice(c.Kind))
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: c.What + " " + c.Verb + " here"})
		}
	default:
		d.Message = fmt.Sprintf("%s %s %s%s; %s", c.What, c.Verb, ctx.Describe(), runs, ctx.Advice(c.Kind))
	}
	d.Related = append(d.Related, ctx.Related()...)
	d.Related = append(d.Related, called...)
	return d
}
