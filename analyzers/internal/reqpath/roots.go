package reqpath

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

const (
	lambdaPkg = "github.com/aws/aws-lambda-go/lambda"
	grpcPkg   = "google.golang.org/grpc"
)

// frameworks maps a handler parameter type to the framework it belongs
// to: a function with a parameter of one of these types runs per request.
var frameworks = []struct {
	pkg, name, framework string
	pointer              bool
}{
	{"github.com/gin-gonic/gin", "Context", "gin", true},
	{"github.com/labstack/echo/v4", "Context", "echo", false},
	{"github.com/labstack/echo/v5", "Context", "echo", true},
	{"github.com/gofiber/fiber/v2", "Ctx", "fiber", true},
	{"github.com/gofiber/fiber/v3", "Ctx", "fiber", false},
	{"github.com/valyala/fasthttp", "RequestCtx", "fasthttp", true},
	{"connectrpc.com/connect", "Request", "connect", true},
	{"connectrpc.com/connect", "BidiStream", "connect", true},
	{"connectrpc.com/connect", "ClientStream", "connect", true},
}

// grpcInterceptorInfo are the parameter types that make a function a
// gRPC server interceptor, which runs once per call.
var grpcInterceptorInfo = []string{"UnaryServerInfo", "StreamServerInfo"}

// rootPackages are the imports without which a package has no
// signature-based or registered roots (loops need none).
var rootPackages = func() []string {
	paths := []string{typesutil.NetHTTP, lambdaPkg, grpcPkg}
	for _, f := range frameworks {
		paths = append(paths, f.pkg)
	}
	return paths
}()

// findRoots discovers the per-request roots of a package.
func findRoots(pass *analysis.Pass, insp *inspector.Inspector) map[ast.Node]*Root {
	roots := make(map[ast.Node]*Root)
	if !typesutil.Imports(pass.Pkg, rootPackages...) && !importsGRPCCode(pass.Pkg) {
		return roots
	}
	decls := make(map[*types.Func]*ast.FuncDecl)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			decls[fn] = decl
		}
	}
	add := func(node ast.Node, r *Root) {
		if _, dup := roots[node]; !dup {
			r.Node = node
			roots[node] = r
		}
	}

	// Roots by signature: net/http and framework handlers.
	for fn, decl := range decls {
		if kind, fw, ok := handlerSignature(fn.Type().(*types.Signature)); ok {
			add(decl, &Root{Kind: kind, Framework: fw, Name: typesutil.FuncName(fn, pass.Pkg)})
		}
	}
	for cur := range insp.Root().Preorder((*ast.FuncLit)(nil)) {
		lit := cur.Node().(*ast.FuncLit)
		sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature)
		if !ok {
			continue
		}
		if kind, fw, ok := handlerSignature(sig); ok {
			add(lit, &Root{Kind: kind, Framework: fw, Pattern: routePattern(pass, cur)})
		}
	}

	// Roots by registration: Lambda handlers and gRPC services.
	grpcTypes := make(map[*types.TypeName]map[string]bool)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := typesutil.Callee(pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		switch {
		case fn.Pkg().Path() == lambdaPkg && isLambdaEntry(fn.Name()) && len(call.Args) > 0:
			arg := call.Args[0]
			if strings.HasSuffix(fn.Name(), "WithContext") && len(call.Args) > 1 {
				arg = call.Args[1]
			}
			r := &lambdaResolver{pass: pass, insp: insp, decls: decls, add: add, seen: map[ast.Node]bool{}}
			r.resolve(cur, arg, 0)
		case isRegisterServer(fn) && len(call.Args) == 2:
			addServiceType(grpcTypes, pass.TypesInfo.TypeOf(call.Args[1]), fn.Type().(*types.Signature).Params().At(1).Type())
		}
	}
	// gRPC: types that embed a generated Unimplemented*Server.
	for _, name := range pass.Pkg.Scope().Names() {
		tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for field := range st.Fields() {
			if !field.Embedded() {
				continue
			}
			ft := types.Unalias(field.Type())
			if p, ok := ft.(*types.Pointer); ok {
				ft = types.Unalias(p.Elem())
			}
			if n, ok := ft.(*types.Named); ok && isUnimplementedServer(n.Obj().Name()) {
				addServiceType(grpcTypes, tn.Type(), n)
			}
		}
	}
	for fn, decl := range decls {
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			continue
		}
		if methods := grpcTypes[receiverTypeName(recv.Type())]; methods[fn.Name()] {
			add(decl, &Root{Kind: GRPCMethod, Name: typesutil.FuncName(fn, pass.Pkg)})
		}
	}
	return roots
}

// handlerSignature reports whether sig is that of a net/http or
// framework handler.
func handlerSignature(sig *types.Signature) (Kind, string, bool) {
	params := sig.Params()
	if params.Len() == 2 && sig.Results().Len() == 0 &&
		typesutil.IsNamed(params.At(0).Type(), typesutil.NetHTTP, "ResponseWriter") &&
		typesutil.IsPointerToNamed(params.At(1).Type(), typesutil.NetHTTP, "Request") {
		return HTTPHandler, "", true
	}
	for p := range params.Variables() {
		t := p.Type()
		for _, f := range frameworks {
			if (f.pointer && typesutil.IsPointerToNamed(t, f.pkg, f.name)) || (!f.pointer && typesutil.IsNamed(t, f.pkg, f.name)) {
				return FrameworkHandler, f.framework, true
			}
		}
		if typesutil.IsPointerToNamed(t, grpcPkg, grpcInterceptorInfo...) {
			return GRPCInterceptor, "", true
		}
	}
	return 0, "", false
}

// routePattern returns the string literal pattern a handler literal is
// registered with, as in mux.HandleFunc("/upload", func(w, r) {...}).
func routePattern(pass *analysis.Pass, lit inspector.Cursor) string {
	if lit.ParentEdgeKind() != edge.CallExpr_Args {
		return ""
	}
	call := lit.Parent().Node().(*ast.CallExpr)
	if len(call.Args) < 2 {
		return ""
	}
	if tv, ok := pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

func isLambdaEntry(name string) bool {
	switch name {
	case "Start", "StartWithOptions", "StartWithContext", "StartHandler",
		"StartHandlerWithContext", "StartHandlerFunc", "NewHandler", "NewHandlerWithOptions":
		return true
	}
	return false
}

// lambdaResolver finds the code that runs per invocation from the
// expression given to a lambda entry point.
type lambdaResolver struct {
	pass  *analysis.Pass
	insp  *inspector.Inspector
	decls map[*types.Func]*ast.FuncDecl
	add   func(ast.Node, *Root)
	seen  map[ast.Node]bool
}

func (r *lambdaResolver) resolve(at inspector.Cursor, e ast.Expr, depth int) {
	if depth > 4 || e == nil {
		return
	}
	e = ast.Unparen(e)
	if r.seen[e] {
		return
	}
	r.seen[e] = true
	info := r.pass.TypesInfo

	// A handler type given by value: its Invoke method runs per call.
	if t := info.TypeOf(e); t != nil {
		if _, isFunc := t.Underlying().(*types.Signature); !isFunc {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, r.pass.Pkg, "Invoke"); obj != nil {
				if fn, ok := obj.(*types.Func); ok {
					r.addFunc(fn)
				}
			}
		}
	}

	switch e := e.(type) {
	case *ast.FuncLit:
		r.add(e, &Root{Kind: LambdaHandler})
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := typesutil.ObjectOf(info, e).(type) {
		case *types.Func: // a function or method value
			r.addFunc(obj.Origin())
		case *types.Var: // a variable: follow its assignments
			if decl, ok := enclosingDecl(at); ok && !typesutil.IsPackageLevel(obj) {
				for rhs := range assignedValues(info, decl, obj) {
					r.resolve(at, rhs, depth+1)
				}
			} else if typesutil.IsPackageLevel(obj) {
				for _, f := range r.pass.Files {
					for rhs := range assignedValues(info, f, obj) {
						r.resolve(at, rhs, depth+1)
					}
				}
			}
		}
	case *ast.IndexExpr: // generic instantiation: handler[T]
		r.resolve(at, e.X, depth+1)
	case *ast.IndexListExpr:
		r.resolve(at, e.X, depth+1)
	case *ast.CallExpr:
		fn := typesutil.Callee(info, e)
		if decl := r.decls[fn]; decl != nil && decl.Body != nil {
			// A factory in this package: what it returns runs per
			// invocation; the factory itself runs once.
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					for _, res := range n.Results {
						if cur, ok := r.insp.Root().FindNode(res); ok {
							r.resolve(cur, res, depth+1)
						}
					}
				}
				return true
			})
			return
		}
		// A wrapper from elsewhere (lambda.NewHandler, otel's
		// InstrumentHandler, ...): the functions it is given run per
		// invocation.
		for _, arg := range e.Args {
			if t := info.TypeOf(arg); t != nil {
				if _, ok := t.Underlying().(*types.Signature); ok {
					r.resolve(at, arg, depth+1)
				} else if _, ok := types.Unalias(t).(*types.Named); ok {
					r.resolve(at, arg, depth+1)
				}
			}
		}
	}
}

func (r *lambdaResolver) addFunc(fn *types.Func) {
	if decl := r.decls[fn]; decl != nil {
		r.add(decl, &Root{Kind: LambdaHandler, Name: typesutil.FuncName(fn, r.pass.Pkg)})
	}
}

// assignedValues yields the expressions assigned to v inside node.
func assignedValues(info *types.Info, node ast.Node, v *types.Var) func(yield func(ast.Expr) bool) {
	return func(yield func(ast.Expr) bool) {
		ast.Inspect(node, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
						if !yield(n.Rhs[i]) {
							return false
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					return true
				}
				for i, id := range n.Names {
					if info.ObjectOf(id) == v {
						if !yield(n.Values[i]) {
							return false
						}
					}
				}
			}
			return true
		})
	}
}

// isRegisterServer reports whether fn looks like a generated gRPC
// registration function: RegisterFooServer(s grpc.ServiceRegistrar, srv FooServer).
func isRegisterServer(fn *types.Func) bool {
	name := fn.Name()
	if !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "Server") {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || sig.Params().Len() != 2 {
		return false
	}
	first := sig.Params().At(0).Type()
	if !typesutil.IsNamed(first, grpcPkg, "ServiceRegistrar") && !typesutil.IsPointerToNamed(first, grpcPkg, "Server") {
		return false
	}
	_, isIface := sig.Params().At(1).Type().Underlying().(*types.Interface)
	return isIface
}

func isUnimplementedServer(name string) bool {
	return strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server") && len(name) > len("UnimplementedServer")
}

// importsGRPCCode reports whether pkg imports grpc indirectly through
// generated code it embeds: generated servers live in their own
// package, which imports grpc.
func importsGRPCCode(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if typesutil.Imports(imp, grpcPkg) {
			return true
		}
	}
	return false
}

// addServiceType records, for the concrete type impl, the methods that
// make up the service described by iface (an interface, or a generated
// Unimplemented*Server type).
func addServiceType(set map[*types.TypeName]map[string]bool, impl, service types.Type) {
	tn := receiverTypeName(impl)
	if tn == nil || service == nil {
		return
	}
	methods := set[tn]
	if methods == nil {
		methods = make(map[string]bool)
		set[tn] = methods
	}
	ms := types.NewMethodSet(types.NewPointer(types.Unalias(service)))
	if _, ok := service.Underlying().(*types.Interface); ok {
		ms = types.NewMethodSet(service)
	}
	for sel := range ms.Methods() {
		name := sel.Obj().Name()
		if strings.HasPrefix(name, "mustEmbed") || name == "testEmbeddedByValue" {
			continue
		}
		methods[name] = true
	}
}

// receiverTypeName returns the named type behind t or *t.
func receiverTypeName(t types.Type) *types.TypeName {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}
