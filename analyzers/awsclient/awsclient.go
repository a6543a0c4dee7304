package awsclient

import (
	_ "embed"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/docs"
	"github.com/poollint/poollint/analyzers/internal/ignore"
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
		Run:       func(pass *analysis.Pass) (any, error) { return reqpath.Run(pass, cfg.spec()) },
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
	sdkV2Service = sdkV2 + "/service"
	sdkV1        = "github.com/aws/aws-sdk-go"
	sdkV1AWS     = sdkV1 + "/aws"
	sdkV1Client  = sdkV1 + "/aws/client"
	sdkV1Session = sdkV1 + "/aws/session"
	sdkV1Service = sdkV1 + "/service"
)

// constructions is awsclient's table: the calls that build an AWS SDK
// client, config, session or HTTP client. Where each comes from is in
// doc.go ("What it costs").
//
// session.Must is not here: it passes on the session its argument
// built, and that argument is the construction reported.
var constructions = []reqpath.Pattern{
	// v2: resolves credentials and configuration (env, files, IMDS).
	{Pkg: sdkV2Config, Funcs: []string{"LoadDefaultConfig"}, Kind: reqpath.KindConfig},
	// v2: a new *http.Transport with MaxIdleConnsPerHost 10.
	{Pkg: sdkV2HTTP, Funcs: []string{"NewBuildableClient"}, Qualifier: "awshttp", Kind: reqpath.KindClient},
	// v1: a session resolves credentials and configuration.
	{Pkg: sdkV1Session, Funcs: []string{"New", "NewSession", "NewSessionWithOptions"}, Noun: "session", Kind: reqpath.KindSession},
	// v2: every service client builds its own BuildableClient unless
	// given a frozen one.
	{Pkg: sdkV2Service, Prefix: true, Funcs: []string{"NewFromConfig", "New"}, Check: isV2ServiceConstructor,
		PkgNoun: "client", Kind: reqpath.KindClient},
	// v1: a service client copies its session's configuration and
	// shares its HTTP client: no new pool, but work per request.
	{Pkg: sdkV1Service, Prefix: true, Funcs: []string{"New"}, Check: isV1ServiceConstructor,
		PkgNoun: "client", Kind: reqpath.KindClient, SharesPool: true},
}

// spec is awsclient's Spec for one run.
func (cfg *config) spec() *reqpath.Spec {
	return &reqpath.Spec{
		Patterns:    constructions,
		Fact:        func() reqpath.BuilderFact { return new(buildsAWSClient) },
		PackageFact: func() analysis.Fact { return new(hasAWSBuilders) },
		Tests:       cfg.tests,
	}
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
