package clienttimeout

import (
	"go/ast"
	"go/types"
	"path"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// The allow-list: names that say a client streams or upgrades, so that
// a Timeout would cut it (golang/go#31391).

// defaultAllow is the default -allow list. Each entry matches whole
// CamelCase words of a name, case-insensitively ("watchEvents",
// "newSPDYExecutor", "Websocket"), never part of a word ("Watchdog",
// "Execute"). Why each is there:
var defaultAllow = []string{
	// Kubernetes-style watches: k8s.io/client-go rest.Request.Watch
	// (bench triage: client-go rest/request.go:773), etcd and Consul
	// watches hold a response open for as long as the watch lasts.
	"Watch", "Watcher", "Watchers", "Watching",
	// Streamed bodies: client-go rest.Request.Stream (bench triage:
	// request.go:909, logs -f and port-forward), gRPC-gateway streams.
	"Stream", "Streams", "Streamer", "Streaming",
	// Protocol upgrades (101 Switching Protocols): the response is a
	// connection that lives as long as the session.
	"Upgrade", "Upgrader", "Upgrading",
	// Hijacked connections (Docker attach, HTTP CONNECT tunnels).
	"Hijack", "Hijacker",
	// Docker and Kubernetes attach/exec sessions (bench triage:
	// client-go tools/remotecommand/spdy.go:106).
	"Attach", "Exec",
	// The upgrade protocols themselves.
	"WebSocket", "SPDY",
	// Log tails (tail -f over HTTP).
	"Tail", "Tailing",
	// Pub/sub subscriptions delivered over one long response.
	"Subscribe", "Subscriber", "Subscription",
	// Long polls (Consul blocking queries, bench triage: consul api.go:804).
	"LongPoll", "LongPoller", "LongPolling",
	// Server-sent events.
	"SSE", "EventSource",
}

// parseAllow turns the -allow flag into patterns; the entry "default"
// stands for [defaultAllow].
func parseAllow(flag string) []string {
	var allow []string
	for a := range strings.SplitSeq(flag, ",") {
		switch a = strings.TrimSpace(a); a {
		case "":
		case "default": // a keyword, so never a name
			allow = append(allow, defaultAllow...)
		default:
			allow = append(allow, a)
		}
	}
	return allow
}

// allowed reports whether the client at cur is bound to a name or type
// in the allow-list: the variable or field path it is assigned to, the
// key it has in a struct literal, the struct type of that field, or
// the function it is built or used in and that function's receiver
// type when that function hands a client, a response or a body on to
// its caller.
func allowed(pass *analysis.Pass, bound ast.Expr, cur inspector.Cursor, allow []string) bool {
	if len(allow) == 0 {
		return false
	}
	var names []string
	addType := func(t types.Type) {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			names = append(names, n.Obj().Name(), n.Obj().Pkg().Name()+"."+n.Obj().Name(), n.Obj().Pkg().Path()+"."+n.Obj().Name())
		}
	}
	switch p := bound.(type) {
	case *ast.Ident:
		names = append(names, p.Name)
	case *ast.SelectorExpr:
		names = append(names, p.Sel.Name)
		if tv, ok := pass.TypesInfo.Types[p.X]; ok {
			addType(tv.Type)
		}
	}
	top := cur
	for top.ParentEdgeKind() == edge.ParenExpr_X {
		top = top.Parent()
	}
	if top.ParentEdgeKind() == edge.KeyValueExpr_Value {
		kv := top.Parent().Node().(*ast.KeyValueExpr)
		if id, ok := kv.Key.(*ast.Ident); ok {
			names = append(names, id.Name)
		}
		if lit, ok := top.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if tv, ok := pass.TypesInfo.Types[lit]; ok {
				addType(tv.Type)
			}
		}
	}
	// The function the client is built or used in names it only when
	// it hands the client, a response or a body on to its caller (a
	// constructor, a Watch or Stream method): a function that uses a
	// client for its own requests (execQuery, tailLatency) does not.
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl := fc.Node().(*ast.FuncDecl)
		if !handsOn(pass, decl) {
			break
		}
		names = append(names, decl.Name.Name)
		if decl.Recv != nil && len(decl.Recv.List) == 1 {
			if tv, ok := pass.TypesInfo.Types[decl.Recv.List[0].Type]; ok {
				addType(tv.Type)
			}
		}
	}
	for _, pat := range allow {
		for _, n := range names {
			if matchName(pat, n) {
				return true
			}
		}
	}
	return false
}

// matchName reports whether the glob pattern pat matches name, or,
// for an identifier, a run of its CamelCase words (compared without
// case): "Watch" matches "Watch", "watchPods" and "PodWatch", not
// "Watchdog"; "WebSocket" matches "newWebsocketClient".
func matchName(pat, name string) bool {
	if ok, _ := path.Match(pat, name); ok {
		return true
	}
	if strings.ContainsAny(name, "./") {
		return false // pkg.Type and import/path.Type match whole only
	}
	lpat := strings.ToLower(pat)
	words := camelWords(name)
	for i := range words {
		run := ""
		for j := i; j < len(words); j++ {
			run += strings.ToLower(words[j])
			if ok, _ := path.Match(lpat, run); ok {
				return true
			}
		}
	}
	return false
}

// camelWords splits an identifier into its words: "newSPDYExecutor"
// gives new, SPDY, Executor; "watch_events2" gives watch, events2.
func camelWords(name string) []string {
	var words []string
	rs := []rune(name)
	start := 0
	isUpper := func(r rune) bool { return unicode.IsUpper(r) }
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' {
			if start < i {
				words = append(words, string(rs[start:i]))
			}
			start = i + 1
			continue
		}
		if i > start && isUpper(rs[i]) {
			// aB: a new word at B. ABc: a new word at B (the acronym ends).
			if !isUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
				words = append(words, string(rs[start:i]))
				start = i
			}
		}
	}
	return words
}

// cur is assigned to, or nil.
func boundTo(cur inspector.Cursor) ast.Expr {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			_, i := cur.ParentEdge()
			return as.Lhs[i]
		}
	case edge.ValueSpec_Values:
		vs := cur.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			_, i := cur.ParentEdge()
			return vs.Names[i]
		}
	}
	return nil
}

// handsOn reports whether a return statement of decl (not of a nested
// function literal) hands a client, a response or a response body on
// to the caller, as such or wrapped (NewStreamWatcher(resp.Body)): the
// streaming evidence that lets the function's name speak for the
// client. A response only read or closed on the way (return
// resp.Body.Close()) is not handed on.
func handsOn(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	if decl.Body == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				found = found || handedOn(pass.TypesInfo, r)
			}
		}
		return !found
	})
	return found
}

// handedOn reports whether the value of e is, or wraps, a client, a
// response or a response body.
func handedOn(info *types.Info, e ast.Expr) bool {
	is := func(t types.Type) bool {
		return typesutil.IsPointerToNamed(t, typesutil.NetHTTP, "Response", "Client")
	}
	switch t := info.TypeOf(e).(type) {
	case *types.Tuple:
		for i := range t.Len() {
			if is(t.At(i).Type()) {
				return true
			}
		}
	default:
		if is(t) {
			return true
		}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "Body" && is(info.TypeOf(e.X))
	case *ast.CallExpr:
		return slices.ContainsFunc(e.Args, func(a ast.Expr) bool { return handedOn(info, a) })
	case *ast.UnaryExpr:
		return handedOn(info, e.X)
	case *ast.CompositeLit:
		return slices.ContainsFunc(e.Elts, func(a ast.Expr) bool { return handedOn(info, a) })
	case *ast.KeyValueExpr:
		return handedOn(info, e.Value)
	}
	return false
}
