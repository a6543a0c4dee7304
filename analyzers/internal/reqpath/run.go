package reqpath

import (
	"fmt"
	"go/types"

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
	for _, f := range model.Find(pass, spec) {
		if !spec.Tests && passutil.InTestCode(pass, f.Node.Pos()) {
			continue
		}
		pass.Report(f.Diagnostic(pass.Pkg))
	}
	return nil, nil
}

// Diagnostic renders a finding, from the package pkg:
//
//	http.Transport created per request in handler Upload; build it once and reuse it
//	lib.NewClient builds a new s3 client on every call, here per ...; build the client once ...
//
// Related points at the construction inside a builder, and at the root
// or loop that makes the code run repeatedly.
func (f Finding) Diagnostic(pkg *types.Package) analysis.Diagnostic {
	c, ctx := f.Construction, f.Context
	d := analysis.Diagnostic{Pos: f.Node.Pos(), End: f.Node.End()}
	switch {
	case ctx.Call != "" && f.Callee != nil:
		d.Message = fmt.Sprintf("%s builds a new %s %s, dropped after use; %s",
			typesutil.FuncName(f.Callee, pkg), c.Noun, ctx.Describe(), ctx.Advice(c.Kind))
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: c.What + " " + c.Verb + " here"})
		}
	case ctx.Call != "":
		d.Message = fmt.Sprintf("%s %s %s and dropped after use; %s", c.What, c.Verb, ctx.Describe(), ctx.Advice(c.Kind))
	case f.Callee != nil:
		d.Message = fmt.Sprintf("%s builds a new %s on every call, here %s; %s",
			typesutil.FuncName(f.Callee, pkg), c.Noun, ctx.Describe(), ctx.Advice(c.Kind))
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: c.What + " " + c.Verb + " here"})
		}
	default:
		d.Message = fmt.Sprintf("%s %s %s; %s", c.What, c.Verb, ctx.Describe(), ctx.Advice(c.Kind))
	}
	d.Related = append(d.Related, ctx.Related()...)
	return d
}
