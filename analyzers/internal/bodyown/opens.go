package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// This file decides which calls open a response the caller must close,
// and which values are in-memory stand-ins that hold no connection.

// Opens reports whether call produces a response the caller must
// close. It does not when the callee has a NoOpenResponse fact
// (closed by the callee, synthetic, or a pass-through of the caller's
// own response), when the call builds a response from in-memory bytes
// (http.ReadResponse over bytes.NewReader, ...), or when the callee is
// an interface method or function value whose results carry the
// body's content beside the response ((*http.Response, []byte, error)):
// the body was read, and closed, to produce them. Silent calls
// (httptest, websocket dials) do not either. body is the enclosing
// function body, for following local in-memory readers.
func (o *Owners) Opens(call *ast.CallExpr, body ast.Node) bool {
	if Silent(o.info, call) {
		return false
	}
	if o.syntheticCall(call, body) || o.ownConnCall(call, body) {
		return false
	}
	if o.settled(call, nil) {
		return false // the callee closes it, given these arguments (OpenUnless)
	}
	fn := typesutil.Callee(o.info, call)
	if fn != nil && o.NoOpen(fn) {
		// A pass-through returns the response it was given: open only
		// if that is a fresh one, from a call in the argument list
		// (must(c.Do(req))). A variable is the caller's own response,
		// which the caller already tracks.
		for _, p := range o.noOpen[fn.Origin()].Params {
			if o.argOpens(call, p, body) {
				return true
			}
		}
		return false
	}
	if typeutil.StaticCallee(o.info, call) == nil && returnsContent(o.info.TypeOf(call.Fun)) {
		return false
	}
	return true
}

// argOpens reports whether argument p of call is a call that opens a
// response, directly or as part of a forwarded result list (f(g())).
func (o *Owners) argOpens(call *ast.CallExpr, p int, body ast.Node) bool {
	var arg ast.Expr
	if len(call.Args) == 1 {
		if _, tuple := o.info.TypeOf(call.Args[0]).(*types.Tuple); tuple {
			arg = call.Args[0]
		}
	}
	if arg == nil && p < len(call.Args) {
		arg = call.Args[p]
	}
	inner, ok := ast.Unparen(arg).(*ast.CallExpr)
	return ok && returnsResponse(o.info, inner) && o.Opens(inner, body)
}

// returnsContent reports whether the signature t returns a []byte or
// string beside an *http.Response.
func returnsContent(t types.Type) bool {
	sig, ok := types.Unalias(t).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	resp, content := false, false
	for r := range sig.Results().Variables() {
		rt := r.Type()
		switch {
		case IsResponse(rt):
			resp = true
		case isBytes(rt) || isString(rt):
			content = true
		}
	}
	return resp && content
}

func isBytes(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// syntheticCall reports whether call is http.ReadResponse over an
// in-memory reader.
func (o *Owners) syntheticCall(call *ast.CallExpr, body ast.Node) bool {
	fn := typesutil.StaticCallee(o.info, call)
	if !typesutil.IsFunc(fn, typesutil.NetHTTP, "ReadResponse") || len(call.Args) < 1 {
		return false
	}
	return o.inMemory(call.Args[0], body, 0)
}

// ownConnCall reports whether call is http.ReadResponse over a
// bufio.Reader on a connection that is a local variable of the function
// (dialed there: a CONNECT handshake, a hand-made upgrade). Such a body
// holds no pooled connection and no resource of its own (closing it
// only reads what is left): the connection is the function's to close
// or hand on. A connection from a parameter or a field may be the
// caller's to reuse, so that response is still followed.
func (o *Owners) ownConnCall(call *ast.CallExpr, body ast.Node) bool {
	fn := typesutil.StaticCallee(o.info, call)
	if !typesutil.IsFunc(fn, typesutil.NetHTTP, "ReadResponse") || len(call.Args) < 1 || body == nil {
		return false
	}
	local := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := o.info.Uses[id].(*types.Var)
		if !ok || v.Pos() < body.Pos() || v.Pos() >= body.End() {
			return nil // a parameter, field or outer variable
		}
		return v
	}
	r := ast.Unparen(call.Args[0])
	if v := local(r); v != nil { // br := bufio.NewReader(conn)
		vals, ok := assignedValues(o.info, body, v)
		if !ok || len(vals) != 1 {
			return false
		}
		r = ast.Unparen(vals[0])
	}
	c, ok := r.(*ast.CallExpr)
	if !ok || len(c.Args) < 1 || !typesutil.IsFunc(typesutil.StaticCallee(o.info, c), "bufio", "NewReader", "NewReaderSize") {
		return false
	}
	conn := local(c.Args[0])
	return conn != nil && hasMethods(conn.Type(), "Read", "Write", "Close")
}

// inMemory reports whether e is a reader over in-memory data: nil,
// http.NoBody, bytes/strings readers and buffers, and bufio, io.NopCloser
// or io.LimitReader around one; a local variable counts if every value
// assigned to it in body does.
func (o *Owners) inMemory(e ast.Expr, body ast.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	info := o.info
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		switch obj := info.Uses[x].(type) {
		case *types.Nil:
			return true
		case *types.Var:
			if obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() || body == nil {
				return false
			}
			if obj.Pos() < body.Pos() || obj.Pos() >= body.End() {
				return false // parameter or outer variable
			}
			vals, ok := assignedValues(info, body, obj)
			if !ok || len(vals) == 0 {
				return false
			}
			for _, v := range vals {
				if !o.inMemory(v, body, depth+1) {
					return false
				}
			}
			return true
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == typesutil.NetHTTP && v.Name() == "NoBody" {
			return true
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if cl, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				return typesutil.IsNamed(info.TypeOf(cl), "bytes", "Buffer", "Reader") ||
					typesutil.IsNamed(info.TypeOf(cl), "strings", "Reader")
			}
		}
	case *ast.CallExpr:
		fn := typesutil.StaticCallee(info, x)
		switch {
		case typesutil.IsFunc(fn, "bytes", "NewReader", "NewBuffer", "NewBufferString"),
			typesutil.IsFunc(fn, "strings", "NewReader"):
			return true
		case typesutil.IsFunc(fn, "bufio", "NewReader", "NewReaderSize"),
			typesutil.IsFunc(fn, "io", "NopCloser", "LimitReader"):
			return len(x.Args) > 0 && o.inMemory(x.Args[0], body, depth+1)
		}
	}
	return false
}

// assignedValues returns every value assigned to v in body, or false
// if v is assigned in a way that has no single expression (a tuple, an
// op-assignment, a range).
func assignedValues(info *types.Info, body ast.Node, v *types.Var) (vals []ast.Expr, ok bool) {
	ok = true
	is := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if !is(l) {
					continue
				}
				if n.Tok != token.DEFINE && n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
					ok = false
				} else {
					vals = append(vals, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				if len(n.Values) == 0 {
					continue // zero value
				}
				if len(n.Values) != len(n.Names) {
					ok = false
				} else {
					vals = append(vals, n.Values[i])
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				ok = false // its address escapes
			}
		}
		return ok
	})
	return vals, ok
}

// synthetic reports whether e is &http.Response{...} (or a value
// literal) whose Body is absent or in memory.
func (o *Owners) synthetic(e ast.Expr, body ast.Node) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok || !typesutil.IsNamed(o.info.TypeOf(cl), typesutil.NetHTTP, "Response") {
		return false
	}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return len(cl.Elts) == 0
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Body" {
			return o.inMemory(kv.Value, body, 0)
		}
	}
	return true
}

// maxDepth bounds how far the value-following helpers (inMemory, and
// the NoOpenResponse result walk) chase a value through variables and
// calls. Real wrappers are one or two levels deep (a reader around a
// buffer, a variable holding a call's result); the bound only stops
// cycles (a = b; b = a) and pathological chains, where the answer is
// the conservative one (open, not in memory).
const maxDepth = 8
