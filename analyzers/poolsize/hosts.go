package poolsize

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// One host, or many. The per-host idle limit only matters when the
// concurrent requests go to the same host. A URL names one host when
// the part up to the end of its host is the same in every concurrent
// task: a constant, a base URL kept outside the fan-out (a field, a
// captured variable, a package variable), followed by a path. A URL
// built from the work item (a crawler, a fan-out over services) does
// not, and neither does anything we cannot read.

// fixed reports whether e has the same value in every concurrent task
// of the frame: constants, package-level variables, receivers and
// variables captured from outside the fan-out, and fields of those.
func (r *resolver) fixed(e ast.Expr, fr *frame, depth int) bool {
	if depth > maxDepth || e == nil {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		return r.fixedVar(v, fr, depth)
	case *ast.SelectorExpr:
		if s, ok := r.info.Selections[e]; ok {
			return s.Kind() == types.FieldVal && r.fixed(e.X, fr, depth+1)
		}
		v, ok := r.info.Uses[e.Sel].(*types.Var) // pkg.Var
		return ok && typesutil.IsPackageLevel(v)
	case *ast.StarExpr:
		return r.fixed(e.X, fr, depth+1)
	case *ast.UnaryExpr:
		return e.Op == token.AND && r.fixed(e.X, fr, depth+1)
	case *ast.BinaryExpr:
		return r.fixed(e.X, fr, depth+1) && r.fixed(e.Y, fr, depth+1)
	case *ast.CallExpr:
		// Conversions and aws.String(x) keep the value.
		if tv, ok := r.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return r.fixed(e.Args[0], fr, depth+1)
		}
		if fn := typesutil.Callee(r.info, e); typesutil.IsFunc(fn, awsPkg, "String") && len(e.Args) == 1 {
			return r.fixed(e.Args[0], fr, depth+1)
		}
	}
	return false
}

// fixedVar reports whether the variable v holds the same value in every
// concurrent task.
func (r *resolver) fixedVar(v *types.Var, fr *frame, depth int) bool {
	if typesutil.IsPackageLevel(v) {
		return true
	}
	for f := fr; f != nil; f = f.parent {
		if f.recv == v {
			return true
		}
		if a, ok := f.args[v]; ok {
			return r.fixed(a.e, a.fr, depth+1)
		}
	}
	fn := enclosingFuncOf(fr, v)
	if fn == nil {
		return false
	}
	// The frame whose region v lies in decides.
	var region ast.Node
	for f := fr; f != nil; f = f.parent {
		if f.fn == fn {
			region = f.region
			break
		}
	}
	if region != nil && !(region.Pos() <= v.Pos() && v.Pos() < region.End()) {
		// Declared outside the fan-out: fixed unless the fan-out
		// assigns it.
		defs, ok := defsOf(r.info, region, v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if !r.fixedDef(d, fr, depth) {
				return false
			}
		}
		return true
	}
	defs, ok := defsOf(r.info, fn, v)
	if !ok || len(defs) == 0 {
		return false // a parameter of the task, a range variable
	}
	for _, d := range defs {
		if !r.fixedDef(d, fr, depth) {
			return false
		}
	}
	return true
}

func (r *resolver) fixedDef(d def, fr *frame, depth int) bool {
	if d.rhs == nil {
		return true // zero value
	}
	if d.index >= 0 {
		return false
	}
	return r.fixed(d.rhs, fr, depth+1)
}

// isURLType reports whether t can hold a URL: a string or a url.URL.
func isURLType(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return typesutil.IsNamedOrPointer(t, "net/url", "URL")
}

// oneHost reports whether the URL e names the same host in every
// concurrent task of the frame.
func (r *resolver) oneHost(e ast.Expr, fr *frame, depth int) bool {
	if depth > maxDepth || e == nil {
		return false
	}
	e = ast.Unparen(e)
	if isURLType(r.info.TypeOf(e)) && r.fixed(e, fr, depth) {
		return true
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return false
		}
		return closedHost(r.prefix(flatten(e), fr, depth))
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok || typesutil.IsPackageLevel(v) {
			return false
		}
		for f := fr; f != nil; f = f.parent {
			if a, ok := f.args[v]; ok {
				return r.oneHost(a.e, a.fr, depth+1)
			}
		}
		fn := enclosingFuncOf(fr, v)
		if fn == nil {
			return false
		}
		defs, ok := defsOf(r.info, fn, v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.rhs == nil {
				return false
			}
			if d.index >= 0 {
				call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
				if !ok || d.index != 0 || !r.oneHostCall(call, fr, depth+1) {
					return false
				}
				continue
			}
			if !r.oneHost(d.rhs, fr, depth+1) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		return r.oneHostCall(e, fr, depth)
	}
	return false
}

// oneHostCall: URL-building calls that keep their base's host.
func (r *resolver) oneHostCall(call *ast.CallExpr, fr *frame, depth int) bool {
	fn := typesutil.Callee(r.info, call)
	if fn == nil || len(call.Args) == 0 && !isURLMethod(fn) {
		return false
	}
	switch {
	case typesutil.IsFunc(fn, "fmt", "Sprintf"):
		return closedHost(r.sprintfPrefix(call, fr, depth))
	case typesutil.IsFunc(fn, "net/url", "Parse", "ParseRequestURI", "JoinPath"):
		return r.oneHost(call.Args[0], fr, depth+1)
	case typesutil.IsFunc(fn, "strings", "TrimSuffix", "TrimRight"):
		return r.oneHost(call.Args[0], fr, depth+1)
	case isURLMethod(fn):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return r.oneHost(sel.X, fr, depth+1)
		}
	}
	return false
}

// isURLMethod: methods of url.URL that keep its host.
func isURLMethod(fn *types.Func) bool {
	return typesutil.IsMethod(fn, "net/url", "URL", "String", "JoinPath", "ResolveReference")
}

// flatten returns the operands of a chain of string concatenations.
func flatten(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(flatten(b.X), flatten(b.Y)...)
	}
	return []ast.Expr{e}
}

// placeholder stands, in a URL prefix, for a value that is fixed but not
// constant: a base URL.
const placeholder = "\x00"

// prefix renders the operands up to the first one that varies.
func (r *resolver) prefix(ops []ast.Expr, fr *frame, depth int) string {
	var b strings.Builder
	for _, op := range ops {
		if tv, ok := r.info.Types[op]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			b.WriteString(constant.StringVal(tv.Value))
			continue
		}
		if !r.fixed(op, fr, depth+1) {
			break
		}
		b.WriteString(placeholder)
	}
	return b.String()
}

// sprintfPrefix renders fmt.Sprintf's result up to its first varying
// argument.
func (r *resolver) sprintfPrefix(call *ast.CallExpr, fr *frame, depth int) string {
	tv, ok := r.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	format := constant.StringVal(tv.Value)
	var b strings.Builder
	argi := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if i+1 >= len(format) || !strings.ContainsRune("svdq", rune(format[i+1])) || argi >= len(call.Args) {
			break
		}
		a := call.Args[argi]
		argi++
		i++
		if v := r.info.Types[a].Value; v != nil && v.Kind() == constant.String {
			b.WriteString(constant.StringVal(v))
			continue
		}
		if !r.fixed(a, fr, depth+1) {
			break
		}
		b.WriteString(placeholder)
	}
	return b.String()
}

// closedHost reports whether a URL prefix fixes the host: an absolute
// URL whose host is followed by a path, query or fragment, or a fixed
// base URL followed by one.
func closedHost(p string) bool {
	rest := p
	if i := strings.Index(p, "://"); i >= 0 {
		rest = p[i+3:]
		if rest == "" || rest[0] == '/' {
			return false
		}
	} else if !strings.HasPrefix(p, placeholder) {
		return false
	}
	return strings.ContainsAny(rest, "/?#")
}

// requestOneHost reports whether the *http.Request req names the same
// host in every task: built by http.NewRequest[WithContext] from such a
// URL, possibly through req.WithContext or req.Clone.
func (r *resolver) requestOneHost(req ast.Expr, fr *frame, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(req).(type) {
	case *ast.CallExpr:
		fn := typesutil.Callee(r.info, e)
		switch {
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequest") && len(e.Args) == 3:
			return r.oneHost(e.Args[1], fr, depth+1)
		case typesutil.IsFunc(fn, typesutil.NetHTTP, "NewRequestWithContext") && len(e.Args) == 4:
			return r.oneHost(e.Args[2], fr, depth+1)
		case typesutil.IsMethod(fn, typesutil.NetHTTP, "Request", "WithContext", "Clone"):
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return r.requestOneHost(sel.X, fr, depth+1)
			}
		}
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		for f := fr; f != nil; f = f.parent {
			if a, ok := f.args[v]; ok {
				return r.requestOneHost(a.e, a.fr, depth+1)
			}
		}
		fn := enclosingFuncOf(fr, v)
		if fn == nil {
			return false
		}
		defs, ok := defsOf(r.info, fn, v)
		if !ok || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.rhs == nil || d.index > 0 || !r.requestOneHost(d.rhs, fr, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// bucketOneHost reports whether an s3 input names the same bucket in
// every task: S3 addresses buckets as hosts (bucket.s3.amazonaws.com).
func (r *resolver) bucketOneHost(in ast.Expr, fr *frame, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(in).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.AND && r.bucketOneHost(e.X, fr, depth+1)
	case *ast.CompositeLit:
		v := typesutil.KeyValue(e, "Bucket")
		return v != nil && r.fixed(v, fr, depth+1)
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		fn := enclosingFuncOf(fr, v)
		if fn == nil {
			return false
		}
		defs, ok := defsOf(r.info, fn, v)
		if !ok || len(defs) != 1 || defs[0].rhs == nil || fieldAssigned(r.info, fn, v, "Bucket") {
			return false
		}
		return r.bucketOneHost(defs[0].rhs, fr, depth+1)
	}
	return false
}
