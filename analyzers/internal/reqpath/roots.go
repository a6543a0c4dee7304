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
	lambdaPkg    = "github.com/aws/aws-lambda-go/lambda"
	grpcPkg      = "google.golang.org/grpc"
	ctrlRuntime  = "sigs.k8s.io/controller-runtime"
	reconcilePkg = ctrlRuntime + "/pkg/reconcile"
	clientGo     = "k8s.io/client-go"
	informerPkg  = clientGo + "/tools/cache"
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
	active := activeContracts(pass.Pkg)
	if !typesutil.Imports(pass.Pkg, rootPackages...) && !importsGRPCCode(pass.Pkg) && len(active) == 0 {
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
	cr := &contractRooter{pass: pass, insp: insp, decls: decls, add: add, active: active}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if len(active) > 0 && cr.conversion(cur, call) {
			continue
		}
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
			r := &funcResolver{pass: pass, insp: insp, decls: decls, add: add, seen: map[ast.Node]bool{},
				kind: LambdaHandler, methods: []string{"Invoke"}}
			r.resolve(cur, arg, 0)
		case isRegisterServer(fn) && len(call.Args) == 2:
			addServiceType(grpcTypes, pass.TypesInfo.TypeOf(call.Args[1]), fn.Type().(*types.Signature).Params().At(1).Type())
		}
	}
	if len(active) > 0 {
		cr.methods()
		cr.structAdapters()
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

// funcResolver finds the code that runs per request from an expression
// given to an entry point: the expression given to a lambda entry point,
// the function converted to a round-tripper or reconciler adapter, the
// functions of an informer's ResourceEventHandlerFuncs.
type funcResolver struct {
	pass    *analysis.Pass
	insp    *inspector.Inspector
	decls   map[*types.Func]*ast.FuncDecl
	add     func(ast.Node, *Root)
	seen    map[ast.Node]bool
	kind    Kind     // the kind of the roots found
	methods []string // the methods of a handler type given by value that run per request
}

func (r *funcResolver) resolve(at inspector.Cursor, e ast.Expr, depth int) {
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
			for _, m := range r.methods {
				if obj, _, _ := types.LookupFieldOrMethod(t, true, r.pass.Pkg, m); obj != nil {
					if fn, ok := obj.(*types.Func); ok {
						r.addFunc(fn)
					}
				}
			}
		}
	}

	switch e := e.(type) {
	case *ast.FuncLit:
		r.add(e, &Root{Kind: r.kind})
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

func (r *funcResolver) addFunc(fn *types.Func) {
	if decl := r.decls[fn]; decl != nil {
		r.add(decl, &Root{Kind: r.kind, Name: typesutil.FuncName(fn, r.pass.Pkg)})
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

// Roots by contract: interfaces whose methods their caller invokes once
// per request, reconcile or event. A type of the package whose methods
// have a contract's names, parameter and result types implements it
// (Go's typing is structural), so those methods are roots whether or not
// the package is seen handing the type over, and whether the types are
// named directly or through an alias (ctrl.Request is
// reconcile.Request). The checks compare types, never names alone.
type contract struct {
	kind Kind
	// prefixes: a package that imports nothing under one of these
	// cannot name the contract's types (the fast path).
	prefixes []string
	// methods: a type implements the contract when it has all of them.
	methods []contractMethod
	// agree, if set, checks the methods' signatures against each other
	// (in the order of methods), for contracts over a type parameter.
	agree func(sigs []*types.Signature) bool
	// structAdapters are struct types of adapterPkg whose methods call
	// their func-typed fields: a function stored in such a field is a
	// root. (Func-typed adapters, T(f) for a func type T that implements
	// the contract, need no table: see contractRooter.)
	adapterPkg     string
	structAdapters []string
}

type contractMethod struct {
	name string
	sig  func(*types.Signature) bool
}

var contracts = []contract{
	// http.Client.Do calls its Transport's RoundTrip once per outgoing
	// request, and again for each redirect it follows.
	{kind: RoundTripper, prefixes: []string{typesutil.NetHTTP},
		methods: []contractMethod{{"RoundTrip", isRoundTrip}}},
	// controller-runtime's controller calls Reconcile once per request it
	// takes from its work queue. reconcile.Reconciler (ctrl.Reconciler),
	// TypedReconciler[R] and ObjectReconciler[O] all have
	// Reconcile(context.Context, R) (reconcile.Result, error); a type
	// given to a controller builder (Complete, Build) must implement one
	// of them, and reconcile.Func is a func-typed adapter.
	{kind: Reconciler, prefixes: []string{ctrlRuntime},
		methods: []contractMethod{{"Reconcile", isReconcile}}},
	// client-go's shared informers call their event handlers once per
	// add, update or delete event: cache.ResourceEventHandler and
	// TypedResourceEventHandler[T], and the adapters that call their
	// AddFunc, UpdateFunc and DeleteFunc fields.
	{kind: InformerHandler, prefixes: []string{clientGo},
		methods:    []contractMethod{{"OnAdd", isOnAdd}, {"OnUpdate", isOnUpdate}, {"OnDelete", isOnDelete}},
		agree:      sameInformerObject,
		adapterPkg: informerPkg,
		structAdapters: []string{
			"ResourceEventHandlerFuncs", "ResourceEventHandlerDetailedFuncs",
			"TypedResourceEventHandlerFuncs", "TypedResourceEventHandlerDetailedFuncs",
		}},
}

// activeContracts returns the contracts whose types pkg can name.
func activeContracts(pkg *types.Package) []*contract {
	var active []*contract
	for i := range contracts {
		c := &contracts[i]
	imports:
		for _, imp := range pkg.Imports() {
			for _, p := range c.prefixes {
				if typesutil.PkgPathHasPrefix(imp.Path(), p) {
					active = append(active, c)
					break imports
				}
			}
		}
	}
	return active
}

// method returns the contract's method named name, if any.
func (c *contract) method(name string) *contractMethod {
	for i := range c.methods {
		if c.methods[i].name == name {
			return &c.methods[i]
		}
	}
	return nil
}

// implementedBy reports whether t (or *t) has all of the contract's
// methods, with the contract's types.
func (c *contract) implementedBy(t types.Type, pkg *types.Package) bool {
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		if _, isIface := t.Underlying().(*types.Interface); isIface {
			return false // an interface is not a concrete handler
		}
		t = types.NewPointer(t)
	}
	sigs := make([]*types.Signature, len(c.methods))
	for i, m := range c.methods {
		obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, m.name)
		fn, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || !m.sig(sig) {
			return false
		}
		sigs[i] = sig
	}
	return c.agree == nil || c.agree(sigs)
}

func (c *contract) methodNames() []string {
	names := make([]string, len(c.methods))
	for i, m := range c.methods {
		names[i] = m.name
	}
	return names
}

// contractRooter adds the roots of the active contracts: methods of the
// package's types that implement one, functions converted to a
// func-typed adapter that implements one (roundTripperFunc(f),
// reconcile.Func(f)), and functions stored in a struct adapter's fields
// (cache.ResourceEventHandlerFuncs{AddFunc: f}). Conversions are checked
// during findRoots' walk over calls; the other two need no walk of their
// own unless a contract with struct adapters is active.
type contractRooter struct {
	pass   *analysis.Pass
	insp   *inspector.Inspector
	decls  map[*types.Func]*ast.FuncDecl
	add    func(ast.Node, *Root)
	active []*contract
}

func (cr *contractRooter) resolver(c *contract) *funcResolver {
	return &funcResolver{pass: cr.pass, insp: cr.insp, decls: cr.decls, add: cr.add, seen: map[ast.Node]bool{},
		kind: c.kind, methods: c.methodNames()}
}

// methods adds the methods of the package's types that implement an
// active contract.
func (cr *contractRooter) methods() {
	for fn, decl := range cr.decls {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil {
			continue
		}
		for _, c := range cr.active {
			if m := c.method(fn.Name()); m != nil && m.sig(sig) && c.implementedBy(sig.Recv().Type(), cr.pass.Pkg) {
				cr.add(decl, &Root{Kind: c.kind, Name: typesutil.FuncName(fn, cr.pass.Pkg)})
			}
		}
	}
}

// conversion handles T(f), where T is a func type that implements an
// active contract: f is a root. It reports whether call is a conversion.
func (cr *contractRooter) conversion(cur inspector.Cursor, call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	tv, ok := cr.pass.TypesInfo.Types[call.Fun]
	if !ok || !tv.IsType() {
		return false
	}
	if _, isFunc := tv.Type.Underlying().(*types.Signature); isFunc {
		for _, c := range cr.active {
			if c.implementedBy(tv.Type, cr.pass.Pkg) {
				cr.resolver(c).resolve(cur, call.Args[0], 0)
			}
		}
	}
	return true
}

// structAdapters adds the functions set in the fields of an active
// contract's struct adapters.
func (cr *contractRooter) structAdapters() {
	var withAdapters []*contract
	for _, c := range cr.active {
		if len(c.structAdapters) > 0 {
			withAdapters = append(withAdapters, c)
		}
	}
	if len(withAdapters) == 0 {
		return
	}
	info := cr.pass.TypesInfo
	for cur := range cr.insp.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		t := info.TypeOf(lit)
		for _, c := range withAdapters {
			if !typesutil.IsNamed(t, c.adapterPkg, c.structAdapters...) {
				continue
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if ft := info.TypeOf(kv.Value); ft != nil {
					if _, isFunc := ft.Underlying().(*types.Signature); isFunc {
						cr.resolver(c).resolve(cur, kv.Value, 0)
					}
				}
			}
		}
	}
}

// isRoundTrip: RoundTrip(*http.Request) (*http.Response, error).
func isRoundTrip(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	return p.Len() == 1 && typesutil.IsPointerToNamed(p.At(0).Type(), typesutil.NetHTTP, "Request") &&
		r.Len() == 2 && typesutil.IsPointerToNamed(r.At(0).Type(), typesutil.NetHTTP, "Response") && isError(r.At(1).Type())
}

// isReconcile: Reconcile(context.Context, R) (reconcile.Result, error),
// for any request type R.
func isReconcile(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	return p.Len() == 2 && typesutil.IsNamed(p.At(0).Type(), "context", "Context") &&
		r.Len() == 2 && typesutil.IsNamed(r.At(0).Type(), reconcilePkg, "Result") && isError(r.At(1).Type())
}

// isOnAdd: OnAdd(obj any, isInInitialList bool), or OnAdd(obj any)
// before client-go v0.27; OnAdd(obj T, isInInitialList bool) for
// TypedResourceEventHandler[T].
func isOnAdd(sig *types.Signature) bool {
	p := sig.Params()
	switch {
	case sig.Results().Len() != 0:
		return false
	case p.Len() == 1:
		return isEmptyInterface(p.At(0).Type())
	case p.Len() == 2:
		b, ok := p.At(1).Type().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Bool
	}
	return false
}

// isOnUpdate: OnUpdate(oldObj, newObj T), T any or the typed handler's T.
func isOnUpdate(sig *types.Signature) bool {
	p := sig.Params()
	return sig.Results().Len() == 0 && p.Len() == 2 && types.Identical(p.At(0).Type(), p.At(1).Type())
}

// isOnDelete: OnDelete(obj any), or OnDelete(obj cache.DeletedObject[T])
// for TypedResourceEventHandler[T]. Together with OnAdd and OnUpdate,
// this is what ties a handler to client-go's types.
func isOnDelete(sig *types.Signature) bool {
	p := sig.Params()
	if sig.Results().Len() != 0 || p.Len() != 1 {
		return false
	}
	t := p.At(0).Type()
	return isEmptyInterface(t) || typesutil.IsNamed(t, informerPkg, "DeletedObject")
}

// sameInformerObject checks that OnAdd, OnUpdate and OnDelete are about
// one object type: any for cache.ResourceEventHandler, T (and
// cache.DeletedObject[T]) for TypedResourceEventHandler[T].
func sameInformerObject(sigs []*types.Signature) bool {
	add, update, del := sigs[0].Params().At(0).Type(), sigs[1].Params().At(0).Type(), sigs[2].Params().At(0).Type()
	if !types.Identical(add, update) {
		return false
	}
	if isEmptyInterface(del) {
		return isEmptyInterface(add)
	}
	n, ok := types.Unalias(del).(*types.Named)
	return ok && n.TypeArgs().Len() == 1 && types.Identical(n.TypeArgs().At(0), add)
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isEmptyInterface(t types.Type) bool {
	it, ok := types.Unalias(t).Underlying().(*types.Interface)
	return ok && it.Empty()
}

// describeContract and explainContract render the roots by contract
// for [Root.Describe] and [Root.Explain].
func describeContract(r *Root) string {
	unit, what, literal := contractWords(r.Kind)
	if r.Name == "" {
		return unit + " in " + literal
	}
	return unit + " in " + what + " " + r.Name
}

func explainContract(r *Root, name string) string {
	switch r.Kind {
	case RoundTripper:
		return name + " implements http.RoundTripper: it runs once per outgoing request"
	case Reconciler:
		return name + " is a controller-runtime reconciler: it runs once per reconcile request"
	}
	return name + " is a client-go informer event handler: it runs once per event"
}

func contractWords(k Kind) (unit, what, literal string) {
	switch k {
	case RoundTripper:
		return "per outgoing request", "round tripper", "a round tripper literal"
	case Reconciler:
		return "per reconcile", "reconciler", "a reconciler literal"
	}
	return "per event", "informer event handler", "an informer event handler literal"
}
