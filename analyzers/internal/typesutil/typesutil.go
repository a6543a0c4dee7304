// Package typesutil holds the type predicates the analyzers share.
// Everything compares by package path and name, never by the printed
// form of a type, so aliases, vendoring and generics do not fool it.
package typesutil

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// NetHTTP is the import path of net/http.
const NetHTTP = "net/http"

// IsNamed reports whether t (aliases resolved) is the named type
// pkgPath.name for one of names.
func IsNamed(t types.Type, pkgPath string, names ...string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && slices.Contains(names, obj.Name())
}

// IsPointerToNamed reports whether t is *pkgPath.name for one of names.
func IsPointerToNamed(t types.Type, pkgPath string, names ...string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkgPath, names...)
}

// IsNamedOrPointer reports whether t is pkgPath.name or a pointer to it.
func IsNamedOrPointer(t types.Type, pkgPath string, names ...string) bool {
	return IsNamed(t, pkgPath, names...) || IsPointerToNamed(t, pkgPath, names...)
}

// IsFunc reports whether fn is the package-level function pkgPath.name
// for one of names.
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return slices.Contains(names, fn.Name())
}

// IsMethod reports whether fn is a method named one of names whose
// receiver's base type is pkgPath.recv.
func IsMethod(fn *types.Func, pkgPath, recv string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath || !slices.Contains(names, fn.Name()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsNamedOrPointer(sig.Recv().Type(), pkgPath, recv)
}

// Callee returns the function or method statically called by call,
// as its generic origin, or nil for dynamic calls, conversions and
// builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// StaticCallee is Callee restricted to calls whose target is known
// at compile time (no interface method calls).
func StaticCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// PkgPathHasPrefix reports whether path is prefix or lies below it.
func PkgPathHasPrefix(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// FuncName renders fn for a message: "Upload", "(*Server).Upload",
// or "pkg.Upload" when fn lives outside the package being analysed.
func FuncName(fn *types.Func, from *types.Package) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		recv := sig.Recv().Type()
		ptr := ""
		if p, ok := types.Unalias(recv).(*types.Pointer); ok {
			ptr, recv = "*", p.Elem()
		}
		name := "?"
		if n, ok := types.Unalias(recv).(*types.Named); ok {
			name = n.Obj().Name()
			if fn.Pkg() != from && fn.Pkg() != nil {
				name = fn.Pkg().Name() + "." + name
			}
		} else if _, ok := recv.(*types.Interface); ok {
			name = "interface"
		}
		if ptr != "" {
			return "(" + ptr + name + ")." + fn.Name()
		}
		return name + "." + fn.Name()
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// ObjectOf returns the object an identifier or selector refers to, or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	}
	return nil
}

// IsPackageLevel reports whether obj is declared at package scope.
func IsPackageLevel(obj types.Object) bool {
	return obj != nil && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()
}

// Imports reports whether pkg directly imports one of paths.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// KeyValue returns the value given to key in a keyed composite literal
// (Transport in &http.Client{Transport: t}), or nil.
func KeyValue(lit *ast.CompositeLit, key string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
				return kv.Value
			}
		}
	}
	return nil
}
