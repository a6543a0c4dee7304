package bodyown

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// This file holds the library knowledge the body checkers rely on, one
// table per question, each entry with the reason it is there. Entries
// are matched by package path, receiver type and name, never by name
// alone.

// A funcRef names a function (Recv == "") or a method of Pkg.Recv.
type funcRef struct {
	Pkg, Recv string
	Names     []string
}

func (r funcRef) match(fn *types.Func) bool {
	if r.Recv == "" {
		return typesutil.IsFunc(fn, r.Pkg, r.Names...)
	}
	return typesutil.IsMethod(fn, r.Pkg, r.Recv, r.Names...)
}

func matchAny(refs []funcRef, fn *types.Func) bool {
	for _, r := range refs {
		if r.match(fn) {
			return true
		}
	}
	return false
}

// noReturnFuncs never return to their caller: a path that calls one
// ends there, the process or goroutine is gone, and nothing leaks.
// ctrlflow learns these from facts on the standard library, but
// poollint computes no facts for the standard library under go vet
// (see cmd/poollint), so the body checkers know them from this table
// and give the same answer under every driver.
var noReturnFuncs = []funcRef{
	{"os", "", []string{"Exit"}},        // ends the process
	{"runtime", "", []string{"Goexit"}}, // ends the goroutine
	{"log", "", []string{"Fatal", "Fatalf", "Fatalln", // os.Exit(1) after logging
		"Panic", "Panicf", "Panicln"}}, // panic after logging
	{"log", "Logger", []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}}, // the same, on a Logger
	// testing.T, B and F embed common; these stop the test goroutine
	// with runtime.Goexit (tests are checked only with -tests).
	{"testing", "common", []string{"FailNow", "Fatal", "Fatalf", "Skip", "Skipf", "SkipNow"}},
}

// NoReturn reports whether n is a statement that calls a standard
// library function that never returns (noReturnFuncs).
func NoReturn(info *types.Info, n ast.Node) bool {
	es, ok := n.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && matchAny(noReturnFuncs, typesutil.StaticCallee(info, call))
}

// headCalls send a HEAD request: the response has no body (net/http
// sets http.NoBody and returns the connection to the pool as soon as
// the headers are read), so there is nothing to drain.
var headCalls = []funcRef{
	{typesutil.NetHTTP, "", []string{"Head"}},       // http.Head
	{typesutil.NetHTTP, "Client", []string{"Head"}}, // (*http.Client).Head
}

// sendCalls send the request they are given; with a request built for
// HEAD in the same function, the response has no body either.
var sendCalls = []funcRef{
	{typesutil.NetHTTP, "Client", []string{"Do"}},           // (*http.Client).Do(req)
	{typesutil.NetHTTP, "Transport", []string{"RoundTrip"}}, // (*http.Transport).RoundTrip(req)
	{typesutil.NetHTTP, "RoundTripper", []string{"RoundTrip"}},
}

// newRequestMethodArg gives, for each request constructor, the index of
// its method argument.
var newRequestMethodArg = map[string]int{
	"NewRequest":            0, // http.NewRequest(method, url, body)
	"NewRequestWithContext": 1, // http.NewRequestWithContext(ctx, method, url, body)
}

// IsHead reports whether call sends a HEAD request: a headCalls entry,
// or a sendCalls entry whose request argument is a local variable
// assigned in body from http.NewRequest[WithContext] with the constant
// method "HEAD".
func IsHead(info *types.Info, body ast.Node, call *ast.CallExpr) bool {
	fn := typesutil.Callee(info, call)
	if fn == nil {
		return false
	}
	if matchAny(headCalls, fn) {
		return true
	}
	if !matchAny(sendCalls, fn) || len(call.Args) != 1 {
		return false
	}
	arg := ast.Unparen(call.Args[0])
	// req.WithContext(ctx) and req.Clone(ctx) keep req's method.
	if c, ok := arg.(*ast.CallExpr); ok && typesutil.IsMethod(typesutil.StaticCallee(info, c), typesutil.NetHTTP, "Request", "WithContext", "Clone") {
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
			arg = ast.Unparen(sel.X)
		}
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return false
	}
	req := info.Uses[id]
	head := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || head {
			return !head
		}
		if len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		lid, ok := as.Lhs[0].(*ast.Ident)
		if !ok || (info.Defs[lid] != req && info.Uses[lid] != req) {
			return true
		}
		rc, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		for name, k := range newRequestMethodArg {
			if typesutil.IsFunc(typesutil.StaticCallee(info, rc), typesutil.NetHTTP, name) && k < len(rc.Args) {
				head = isHeadMethod(info, rc.Args[k])
			}
		}
		return true
	})
	return head
}

// isHeadMethod reports whether e is the constant "HEAD" (http.MethodHead).
func isHeadMethod(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
		strings.EqualFold(constant.StringVal(tv.Value), "HEAD")
}

// silentCalls return an *http.Response whose body the caller need not
// close.
var silentCalls = []funcRef{
	// An in-memory recording: its body is a bytes.Reader.
	{"net/http/httptest", "ResponseRecorder", []string{"Result"}},
	// Websocket dials: the handshake response's body is dealt with by
	// the library. gorilla: "The response body may not contain the
	// entire response and does not need to be closed by the
	// application" (Dialer.DialContext).
	{"github.com/gorilla/websocket", "Dialer", []string{"Dial", "DialContext"}},
	// nhooyr.io/websocket and its successor github.com/coder/websocket:
	// "You never need to close resp.Body yourself" (Dial).
	{"nhooyr.io/websocket", "", []string{"Dial"}},
	{"github.com/coder/websocket", "", []string{"Dial"}},
}

// Silent reports whether the response produced by call needs no close
// from the caller (silentCalls).
func Silent(info *types.Info, call *ast.CallExpr) bool {
	return matchAny(silentCalls, typesutil.Callee(info, call))
}

// noBodyStatus are the status codes whose responses never have a body:
// net/http sets http.NoBody and puts the connection back in the pool
// as soon as the headers are read, so a branch taken only for them has
// nothing to close.
var noBodyStatus = map[int64]string{
	204: "No Content",   // RFC 9110 15.3.5: no content in the response
	304: "Not Modified", // RFC 9110 15.4.5: no content in the response
}

// readThrough are readers whose every read error is one of the reader
// they wrap (argument 0): a read of the whole wrapper that fails is a
// failed read of the body, so net/http has closed the connection. Not
// http.MaxBytesReader (its *MaxBytesError leaves the connection open),
// gzip or io.TeeReader (errors of their own).
var readThrough = []funcRef{
	{"io", "", []string{"LimitReader"}},                   // io.EOF at the limit, else the body's error (oauth2 deviceauth)
	{"bufio", "", []string{"NewReader", "NewReaderSize"}}, // buffers the body's reads, returns its errors
}

// unwrapReadThrough returns the reader that e wraps through readThrough
// calls (io.LimitReader(resp.Body, n) gives resp.Body), or e.
func (f *Func) unwrapReadThrough(e ast.Expr) ast.Expr {
	for range 4 {
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 || !matchAny(readThrough, typesutil.StaticCallee(f.Info, call)) {
			return e
		}
		e = ast.Unparen(call.Args[0])
	}
	return e
}

// A bodyRead reads a whole response body and returns an error when the
// read fails. A failed read of a network body before EOF makes net/http
// close the connection (persistConn.readLoop gives up on it), so on the
// path where that error is non-nil there is nothing left to close.
type bodyRead struct {
	ref      funcRef
	arg      int  // the argument that is the body (or the response)
	resp     bool // the argument is the response, not its body
	needTrue int  // index of a bool argument that must be the constant true, or -1
}

var bodyReads = []bodyRead{
	{funcRef{"io", "", []string{"ReadAll"}}, 0, false, -1},        // io.ReadAll(resp.Body)
	{funcRef{"io/ioutil", "", []string{"ReadAll"}}, 0, false, -1}, // ioutil.ReadAll(resp.Body), deprecated alias
	// httputil.DumpResponse(resp, true) reads the whole body into
	// memory; with false it reads no body at all.
	{funcRef{"net/http/httputil", "", []string{"DumpResponse"}}, 0, true, 1},
}

// bodyReadErr returns the error variable that node n assigns from a
// whole-body read of v (bodyReads), or nil.
func (f *Func) bodyReadErr(n ast.Node, v *types.Var) *types.Var {
	if v == nil {
		return nil
	}
	var lhs []ast.Expr
	var rhs ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) != 1 {
			return nil
		}
		lhs, rhs = n.Lhs, n.Rhs[0]
	case *ast.ValueSpec:
		if len(n.Values) != 1 {
			return nil
		}
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values[0]
	default:
		return nil
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(lhs) < 2 {
		return nil
	}
	fn := typesutil.StaticCallee(f.Info, call)
	for _, r := range bodyReads {
		if !r.ref.match(fn) || r.arg >= len(call.Args) {
			continue
		}
		if !constTrue(f.Info, call, r.needTrue) {
			continue
		}
		a := ast.Unparen(call.Args[r.arg])
		if !r.resp {
			a = f.unwrapReadThrough(a)
			sel, ok := a.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Body" {
				continue
			}
			a = ast.Unparen(sel.X)
		}
		if id, ok := a.(*ast.Ident); !ok || f.Info.Uses[id] != v {
			continue
		}
		id, ok := ast.Unparen(lhs[len(lhs)-1]).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		obj := f.Info.Defs[id]
		if obj == nil {
			obj = f.Info.Uses[id]
		}
		if e, ok := obj.(*types.Var); ok && isError(e.Type()) {
			return e
		}
	}
	return nil
}

// noBodyCompare reports whether c (an == or != comparison) compares
// v.StatusCode with a noBodyStatus code, or a request's Method with
// "HEAD": when equality holds, the response has no body.
func noBodyCompare(info *types.Info, c *ast.BinaryExpr, v *types.Var) bool {
	for _, pair := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
		sel, ok := ast.Unparen(pair[0]).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		tv, ok := info.Types[pair[1]]
		if !ok || tv.Value == nil {
			continue
		}
		switch sel.Sel.Name {
		case "StatusCode":
			id, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || v == nil || info.Uses[id] != v || !IsResponse(info.TypeOf(sel.X)) {
				continue
			}
			if code, exact := constant.Int64Val(constant.ToInt(tv.Value)); exact && noBodyStatus[code] != "" {
				return true
			}
		case "Method":
			if typesutil.IsPointerToNamed(info.TypeOf(sel.X), typesutil.NetHTTP, "Request") && isHeadMethod(info, pair[1]) {
				return true
			}
		}
	}
	return false
}

// A wrapper returns a closer whose Close closes its argument Arg: the
// body's ownership moves to the result, which must be closed (or
// handed on) in its place. Facts say the same for the package's own
// helpers; the standard library has no facts under go vet.
type wrapper struct {
	ref funcRef
	arg int
}

var wrappers = []wrapper{
	// maxBytesReader.Close calls r.Close (net/http/request.go).
	{funcRef{typesutil.NetHTTP, "", []string{"MaxBytesReader"}}, 1},
}

// wraps reports whether argument idx of fn moves into fn's result
// (wrappers).
func wraps(fn *types.Func, idx int) bool {
	for _, w := range wrappers {
		if w.arg == idx && w.ref.match(fn) {
			return true
		}
	}
	return false
}

// closerCalls close the network body of their response argument Arg
// (the standard library has no ClosesParam facts under go vet). A
// bodyRead entry gives the argument and the bool that must be true.
var closerCalls = []bodyRead{
	// DumpResponse(resp, true) reads the body into memory, closes it
	// and puts an in-memory copy in resp.Body (drainBody in
	// net/http/httputil/dump.go): resp holds no connection afterwards.
	{funcRef{"net/http/httputil", "", []string{"DumpResponse"}}, 0, true, 1},
}

// closesArg reports whether call closes its argument idx (closerCalls).
func closesArg(info *types.Info, fn *types.Func, call *ast.CallExpr, idx int) bool {
	for _, c := range closerCalls {
		if c.arg == idx && c.ref.match(fn) && constTrue(info, call, c.needTrue) {
			return true
		}
	}
	return false
}

// constTrue reports whether argument i of call is the constant true (or
// i is -1: no such argument is needed).
func constTrue(info *types.Info, call *ast.CallExpr, i int) bool {
	if i < 0 {
		return true
	}
	if i >= len(call.Args) {
		return false
	}
	return isTrue(info, call.Args[i])
}

// upgradeHeaders are the request headers that ask the server to switch
// protocols (RFC 9110 7.8 Upgrade; RFC 6455 4.1, the WebSocket opening
// handshake). The response to such a request is a handshake: on 101
// its body is the connection itself, which never reaches EOF, and on
// failure the connection was dialed for the upgrade. Draining is the
// wrong advice either way.
var upgradeHeaders = []string{
	"Upgrade",                // RFC 9110 7.8: the protocol asked for
	"Sec-Websocket-Key",      // RFC 6455 4.1: a WebSocket handshake
	"Sec-Websocket-Protocol", // RFC 6455 4.1: the subprotocols offered
	"Sec-Websocket-Version",  // RFC 6455 4.1
}

// UpgradeRequest reports whether call sends a request that body marks
// as a protocol upgrade: an argument of call is a *http.Request
// variable on which body sets one of the upgradeHeaders
// (req.Header.Set/Add(K, v) or req.Header[K] = v, with K a constant).
func UpgradeRequest(info *types.Info, body ast.Node, call *ast.CallExpr) bool {
	var req types.Object
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && typesutil.IsPointerToNamed(info.TypeOf(id), typesutil.NetHTTP, "Request") {
			req = info.Uses[id]
		}
	}
	if req == nil {
		return false
	}
	// isHeader reports whether e is req.Header.
	isHeader := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Header" {
			return false
		}
		x, ok := ast.Unparen(sel.X).(*ast.Ident)
		return ok && info.Uses[x] == req && typesutil.IsPointerToNamed(info.TypeOf(x), typesutil.NetHTTP, "Request")
	}
	isUpgradeKey := func(e ast.Expr) bool {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return false
		}
		k := constant.StringVal(tv.Value)
		for _, h := range upgradeHeaders {
			if strings.EqualFold(k, h) {
				return true
			}
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr: // req.Header.Set("Upgrade", proto)
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if ok && (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && isHeader(sel.X) && len(n.Args) == 2 && isUpgradeKey(n.Args[0]) {
				found = true
			}
		case *ast.AssignStmt: // req.Header[websocketProtocolHeader] = protocols
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && isHeader(ix.X) && isUpgradeKey(ix.Index) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
