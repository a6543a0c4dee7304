package awsclient

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/internal/passutil"
	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

//go:embed doc.go
var doc string

// Analyzer is the awsclient analyzer with default settings.
var Analyzer = ignore.Filter(New())

type config struct {
	tests bool
}

// New returns a fresh awsclient analyzer with its own flags.
func New() *analysis.Analyzer {
	cfg := new(config)
	a := &analysis.Analyzer{
		Name:      "awsclient",
		Doc:       docs.MustExtract(doc, "awsclient"),
		URL:       "https://pkg.go.dev/github.com/poollint/poollint/analyzers/awsclient",
		Requires:  []*analysis.Analyzer{reqpath.Analyzer},
		Run:       cfg.run,
		FactTypes: []analysis.Fact{new(buildsAWSClient), new(hasAWSBuilders)},
	}
	a.Flags.BoolVar(&cfg.tests, "tests", false, "also report in _test.go files")
	return a
}

// buildsAWSClient marks a function that builds an AWS SDK client,
// config or session on every call. What is the construction call
// ("s3.NewFromConfig"); Returns is set when the function hands every
// value it builds to its caller.
type buildsAWSClient struct{ reqpath.BuilderSummary }

func (*buildsAWSClient) AFact()           {}
func (f *buildsAWSClient) String() string { return f.Format("buildsAWSClient") }

// hasAWSBuilders marks a package that exports at least one builder, so
// that importers without an AWS SDK import know they must look.
type hasAWSBuilders struct{}

func (*hasAWSBuilders) AFact()         {}
func (*hasAWSBuilders) String() string { return "hasAWSBuilders" }

const (
	sdkV2        = "github.com/aws/aws-sdk-go-v2"
	sdkV2AWS     = sdkV2 + "/aws"
	sdkV2Config  = sdkV2 + "/config"
	sdkV2HTTP    = sdkV2 + "/aws/transport/http"
	sdkV2Service = sdkV2 + "/service/"
	sdkV1        = "github.com/aws/aws-sdk-go"
	sdkV1AWS     = sdkV1 + "/aws"
	sdkV1Client  = sdkV1 + "/aws/client"
	sdkV1Session = sdkV1 + "/aws/session"
	sdkV1Service = sdkV1 + "/service/"
)

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if !passutil.CanReach(pass, passutil.PoolPaths()...) {
		return nil, nil // nothing here can build, configure or use a pool
	}
	info := pass.TypesInfo
	spec := reqpath.Spec{
		Construct: func(cur inspector.Cursor) (string, bool) {
			call, ok := cur.Node().(*ast.CallExpr)
			if !ok {
				return "", false
			}
			return construction(typesutil.Callee(info, call))
		},
		Fact:        func() reqpath.BuilderFact { return new(buildsAWSClient) },
		PackageFact: func() analysis.Fact { return new(hasAWSBuilders) },
	}
	if !reqpath.MayReach(pass, spec, isSDKPackage) {
		return nil, nil
	}
	model := pass.ResultOf[reqpath.Analyzer].(*reqpath.Model)
	for _, f := range model.Find(pass, spec) {
		if !cfg.tests && passutil.IsTestFile(pass, f.Node.Pos()) {
			continue
		}
		pass.Report(diagnostic(pass, f))
	}
	return nil, nil
}

func isSDKPackage(path string) bool {
	return typesutil.PkgPathHasPrefix(path, sdkV2) || typesutil.PkgPathHasPrefix(path, sdkV1)
}

// construction reports whether a call to fn builds an AWS SDK client,
// config, session or HTTP client, and names the call for messages:
// "s3.NewFromConfig", "config.LoadDefaultConfig", "session.NewSession".
//
// session.Must is not a construction: it passes on the session its
// argument built, and that argument is the construction reported.
func construction(fn *types.Func) (string, bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil {
		return "", false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch {
	case path == sdkV2Config && name == "LoadDefaultConfig":
		return "config.LoadDefaultConfig", true
	case path == sdkV2HTTP && name == "NewBuildableClient":
		return "awshttp.NewBuildableClient", true
	case path == sdkV1Session:
		switch name {
		case "New", "NewSession", "NewSessionWithOptions":
			return "session." + name, true
		}
	case strings.HasPrefix(path, sdkV2Service):
		if isV2ServiceConstructor(fn, sig) {
			return fn.Pkg().Name() + "." + name, true
		}
	case strings.HasPrefix(path, sdkV1Service):
		if isV1ServiceConstructor(fn, sig) {
			return fn.Pkg().Name() + "." + name, true
		}
	}
	return "", false
}

// isV2ServiceConstructor recognises, in any aws-sdk-go-v2 service
// package, NewFromConfig(aws.Config, ...func(*Options)) *Client and
// New(Options, ...func(*Options)) *Client.
func isV2ServiceConstructor(fn *types.Func, sig *types.Signature) bool {
	pkg := fn.Pkg().Path()
	params := sig.Params()
	if params.Len() != 2 || !sig.Variadic() || sig.Results().Len() != 1 ||
		!typesutil.IsPointerToNamed(sig.Results().At(0).Type(), pkg, "Client") {
		return false
	}
	switch fn.Name() {
	case "NewFromConfig":
		if !typesutil.IsNamed(params.At(0).Type(), sdkV2AWS, "Config") {
			return false
		}
	case "New":
		if !typesutil.IsNamed(params.At(0).Type(), pkg, "Options") {
			return false
		}
	default:
		return false
	}
	// ...func(*Options)
	s, ok := params.At(1).Type().(*types.Slice)
	if !ok {
		return false
	}
	opt, ok := s.Elem().Underlying().(*types.Signature)
	return ok && opt.Params().Len() == 1 && typesutil.IsPointerToNamed(opt.Params().At(0).Type(), pkg, "Options")
}

// isV1ServiceConstructor recognises, in any aws-sdk-go service
// package, New(p client.ConfigProvider, cfgs ...*aws.Config) *T.
func isV1ServiceConstructor(fn *types.Func, sig *types.Signature) bool {
	params := sig.Params()
	if fn.Name() != "New" || params.Len() != 2 || !sig.Variadic() || sig.Results().Len() != 1 ||
		!typesutil.IsNamed(params.At(0).Type(), sdkV1Client, "ConfigProvider") {
		return false
	}
	if s, ok := params.At(1).Type().(*types.Slice); !ok || !typesutil.IsPointerToNamed(s.Elem(), sdkV1AWS, "Config") {
		return false
	}
	res, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(res.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() == fn.Pkg()
}

// noun says what a construction call builds, for messages: "s3 client",
// "aws.Config", "session".
func noun(what string) string {
	pkg, name, _ := strings.Cut(what, ".")
	switch {
	case what == "config.LoadDefaultConfig":
		return "aws.Config"
	case what == "awshttp.NewBuildableClient":
		return "awshttp.BuildableClient"
	case pkg == "session":
		return "session"
	case name == "New" || name == "NewFromConfig":
		return pkg + " client"
	}
	return what
}

// short is the word used in advice: "build the client once ...".
func short(what string) string {
	switch n := noun(what); {
	case n == "aws.Config":
		return "config"
	case n == "session":
		return "session"
	case strings.HasSuffix(n, " client"):
		return "client"
	}
	return "client"
}

func diagnostic(pass *analysis.Pass, f reqpath.Finding) analysis.Diagnostic {
	ctx := f.Context
	advice := strings.Replace(ctx.Advice(), "build it", "build the "+short(f.What), 1)
	d := analysis.Diagnostic{Pos: f.Node.Pos(), End: f.Node.End()}
	if f.Callee != nil {
		d.Message = fmt.Sprintf("%s builds a new %s on every call, here %s; %s",
			typesutil.FuncName(f.Callee, pass.Pkg), noun(f.What), ctx.Describe(), advice)
		if f.Builder.Site.IsValid() && f.Builder.Site != f.Node.Pos() {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: f.Builder.Site, Message: f.What + " called here"})
		}
	} else {
		d.Message = fmt.Sprintf("%s called %s; %s", f.What, ctx.Describe(), advice)
	}
	d.Related = append(d.Related, ctx.Related()...)
	return d
}
