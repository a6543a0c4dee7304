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
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
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
