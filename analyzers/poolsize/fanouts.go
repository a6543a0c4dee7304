package poolsize

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poollint/poollint/analyzers/internal/reqpath"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// Concurrency evidence. A fan-out is code that runs as many concurrent
// tasks: goroutines started in a loop (go statements, errgroup.Group.Go,
// sync.WaitGroup.Go), or a server handler, which runs once per incoming
// request. Its bound is a constant the code states (a loop count,
// errgroup SetLimit, a semaphore's capacity), or unbounded (one task per
// item of the input, one per request).

// taskStarters are the calls that start their function argument as a
// goroutine.
var taskStarters = []struct{ pkg, recv, name string }{
	{"golang.org/x/sync/errgroup", "Group", "Go"},    // errgroup: the fan-out idiom
	{"golang.org/x/sync/errgroup", "Group", "TryGo"}, // errgroup, when under SetLimit
	{"sync", "WaitGroup", "Go"},                      // Go 1.25's WaitGroup.Go
}

// A fanout is one source of concurrency and the code its tasks run.
type fanout struct {
	at       ast.Node // where the finding goes: the go statement or Go call; nil for a handler
	bound    int      // constant bound; 0: unbounded
	explicit bool     // the bound is a limit the code sets for the fan-out
	why      string   // "SetLimit(64)", "one goroutine per item of the range loop"
	body     ast.Node // the code that runs concurrently: a func literal, a handler
	fr       *frame   // how to read it
	related  []analysis.RelatedInformation
}

// findFanouts returns the loop fan-outs of the package, then its server
// handlers.
func (r *resolver) findFanouts(model *reqpath.Model) []*fanout {
	var out []*fanout
	for cur := range r.root.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		var task ast.Expr
		var args []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.GoStmt:
			task, args = n.Call.Fun, n.Call.Args
			if _, ok := ast.Unparen(task).(*ast.FuncLit); !ok {
				task, args = n.Call, nil // go f(x): f's body with x bound
			}
		case *ast.CallExpr:
			if !isTaskStarter(typesutil.Callee(r.info, n)) || len(n.Args) != 1 {
				continue
			}
			task = n.Args[0]
		}
		if f := r.loopFanout(cur, task, args); f != nil {
			out = append(out, f)
		}
	}
	for node, root := range model.Roots() {
		if root.Kind == reqpath.LambdaHandler {
			continue // one invocation at a time per execution environment
		}
		f := &fanout{why: "one " + root.Describe(), body: node,
			related: []analysis.RelatedInformation{{Pos: node.Pos(), Message: root.Explain() + ", concurrently"}}}
		f.fr = &frame{fn: node, region: node}
		if d, ok := node.(*ast.FuncDecl); ok && d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
			f.fr.recv, _ = r.info.Defs[d.Recv.List[0].Names[0]].(*types.Var)
		}
		out = append(out, f)
	}
	return out
}

func isTaskStarter(fn *types.Func) bool {
	for _, s := range taskStarters {
		if typesutil.IsMethod(fn, s.pkg, s.recv, s.name) {
			return true
		}
	}
	return false
}

// loopFanout builds the fan-out of a task started at cur, when cur is
// in a loop body that does not wait for it.
func (r *resolver) loopFanout(cur inspector.Cursor, task ast.Expr, args []ast.Expr) *fanout {
	var loop inspector.Cursor
	child := cur
	for anc := range cur.Enclosing() {
		if anc == cur {
			continue
		}
		switch anc.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil // the loop must be in the same function
		case *ast.ForStmt, *ast.RangeStmt:
			if k := child.ParentEdgeKind(); k == edge.ForStmt_Body || k == edge.RangeStmt_Body {
				loop = anc
			}
		}
		if loop.Valid() {
			break
		}
		child = anc
	}
	if !loop.Valid() {
		return nil
	}
	var fn ast.Node
	for fc := range loop.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = fc.Node()
		break
	}
	if fn == nil || r.waitsInLoop(loop, cur) {
		return nil
	}
	f := &fanout{at: cur.Node(), fr: &frame{fn: fn, region: loop.Node()}}
	f.related = []analysis.RelatedInformation{{Pos: loop.Node().Pos(), Message: "this loop starts the concurrent requests"}}

	// The task's body, and its parameters bound to the arguments.
	switch t := ast.Unparen(task).(type) {
	case *ast.FuncLit:
		f.body = t
		if len(args) > 0 {
			f.fr.args = make(map[*types.Var]arg)
			i := 0
			for _, field := range t.Type.Params.List {
				for _, name := range field.Names {
					if v, ok := r.info.Defs[name].(*types.Var); ok && i < len(args) {
						f.fr.args[v] = arg{args[i], f.fr}
					}
					i++
				}
			}
		}
	case *ast.CallExpr: // go f(x)
		if _, ok := r.asRequest(t); ok {
			f.body = t // go client.Get(u)
			break
		}
		callee := typesutil.StaticCallee(r.info, t)
		decl := r.decls[callee]
		if decl == nil {
			return nil
		}
		f.body = decl
		f.fr = &frame{fn: decl, args: bindArgs(r.info, callee, t, f.fr), parent: f.fr}
	default: // g.Go(s.work): a function value
		callee, _ := typesutil.ObjectOf(r.info, t).(*types.Func)
		decl := r.decls[callee]
		if decl == nil {
			return nil
		}
		f.body = decl
		args := map[*types.Var]arg{}
		if sel, ok := ast.Unparen(t).(*ast.SelectorExpr); ok {
			if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil {
				args[sig.Recv()] = arg{sel.X, f.fr}
			}
		}
		f.fr = &frame{fn: decl, args: args, parent: f.fr}
	}

	// The bound: the loop's count, a limit, or both (the smaller wins).
	n, known, why := r.loopBound(loop.Node())
	if known && n > 0 && r.isWorker(f.body) {
		why = fmt.Sprintf("a pool of %d workers", n)
	}
	f.bound, f.why = n, why
	limits := []func(inspector.Cursor, ast.Node, ast.Node) (int, bool, string){r.setLimit, r.semaphore}
	for _, lim := range limits {
		m, ok, lwhy := lim(cur, loop.Node(), f.body)
		if lwhy == "" {
			continue
		}
		if !ok {
			return nil // a limit we cannot read: it may be small
		}
		if !known || n == 0 || m < n {
			n, known = m, true
			f.bound, f.why, f.explicit = m, lwhy, true
		}
	}
	if !known {
		return nil
	}
	return f
}

// waitsInLoop reports whether the loop body waits for the task it
// started before the next iteration (wg.Wait, g.Wait, a receive):
// then the tasks run one at a time.
func (r *resolver) waitsInLoop(loop inspector.Cursor, start inspector.Cursor) bool {
	end := start.Node().End()
	waits := false
	for c := range loop.Preorder((*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil)) {
		n := c.Node()
		if n.Pos() < end || waits {
			continue
		}
		if inFuncLitWithin(c, loop) {
			continue
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := typesutil.Callee(r.info, n)
			if typesutil.IsMethod(fn, "sync", "WaitGroup", "Wait") || typesutil.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Wait") {
				waits = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				waits = true
			}
		}
	}
	return waits
}

// inFuncLitWithin reports whether c lies in a function literal inside
// outer.
func inFuncLitWithin(c, outer inspector.Cursor) bool {
	for anc := range c.Enclosing((*ast.FuncLit)(nil)) {
		return outer.Contains(anc)
	}
	return false
}

// loopBound returns how many tasks a loop starts: a constant, 0 for one
// per item of its input (unbounded), or known false.
func (r *resolver) loopBound(loop ast.Node) (n int, known bool, why string) {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		t := r.info.TypeOf(l.X)
		if t == nil {
			return 0, false, ""
		}
		if lit, ok := ast.Unparen(l.X).(*ast.CompositeLit); ok {
			// A literal list: as many tasks as its elements.
			return len(lit.Elts), true, fmt.Sprintf("%d goroutines started in a loop", len(lit.Elts))
		}
		switch u := t.Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				if c, ok := intConst(r.info, l.X); ok {
					return c, true, fmt.Sprintf("%d goroutines started in a loop", c)
				}
				return 0, false, ""
			}
		case *types.Array:
			return int(u.Len()), true, fmt.Sprintf("%d goroutines started in a loop", u.Len())
		case *types.Pointer:
			if a, ok := u.Elem().Underlying().(*types.Array); ok {
				return int(a.Len()), true, fmt.Sprintf("%d goroutines started in a loop", a.Len())
			}
		case *types.Chan, *types.Signature:
			// A channel or an iterator may pace its items (a ticker,
			// a queue): how many tasks overlap is unknown.
			return 0, false, ""
		}
		return 0, true, "one goroutine per item of the range loop"
	case *ast.ForStmt:
		// An endless loop blocks somewhere on each iteration (Accept, a
		// ticker, a queue): how many tasks overlap is unknown.
		cond, ok := l.Cond.(*ast.BinaryExpr)
		if !ok {
			return 0, false, ""
		}
		start := 0
		if as, ok := l.Init.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if c, ok := intConst(r.info, as.Rhs[0]); ok {
				start = c
			} else {
				return 0, false, ""
			}
		}
		if c, ok := intConst(r.info, cond.Y); ok {
			switch cond.Op {
			case token.LSS:
				return c - start, true, fmt.Sprintf("%d goroutines started in a loop", c-start)
			case token.LEQ:
				return c - start + 1, true, fmt.Sprintf("%d goroutines started in a loop", c-start+1)
			}
			return 0, false, ""
		}
		if call, ok := ast.Unparen(cond.Y).(*ast.CallExpr); ok && (cond.Op == token.LSS || cond.Op == token.LEQ) {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := r.info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
					return 0, true, "one goroutine per item of the loop"
				}
			}
		}
	}
	return 0, false, ""
}

func intConst(info *types.Info, e ast.Expr) (int, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact || n < 0 || n > 1<<20 {
		return 0, false
	}
	return int(n), true
}

// isWorker reports whether a task body reads a channel in a loop: a
// worker of a pool.
func (r *resolver) isWorker(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok {
			if t := r.info.TypeOf(rs.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// setLimit finds g.SetLimit(n) on the errgroup whose Go call starts the
// task. why is "" when there is none.
func (r *resolver) setLimit(start inspector.Cursor, _, _ ast.Node) (int, bool, string) {
	call, ok := start.Node().(*ast.CallExpr)
	if !ok {
		return 0, false, ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return 0, false, ""
	}
	g := chainKey(r.info, sel.X)
	if g == "" {
		return 0, false, ""
	}
	var fn ast.Node
	for fc := range start.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = fc.Node()
		break
	}
	n, ok, why := 0, false, ""
	ast.Inspect(fn, func(nd ast.Node) bool {
		c, isCall := nd.(*ast.CallExpr)
		if !isCall || len(c.Args) != 1 {
			return true
		}
		if !typesutil.IsMethod(typesutil.Callee(r.info, c), "golang.org/x/sync/errgroup", "Group", "SetLimit") {
			return true
		}
		if s, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr); !isSel || chainKey(r.info, s.X) != g {
			return true
		}
		m, isConst := intConst(r.info, c.Args[0])
		if why != "" && (!ok || !isConst || m != n) {
			ok = false // two different limits
			return true
		}
		if isConst && m > 0 {
			n, ok, why = m, true, fmt.Sprintf("SetLimit(%d)", m)
		} else {
			ok, why = false, "SetLimit"
		}
		return true
	})
	return n, ok, why
}

// semaphore finds the acquire that bounds the tasks: sem <- struct{}{}
// on a buffered channel, or sem.Acquire(ctx, 1) on an x/sync
// semaphore.Weighted, as a statement of the loop body before the task
// starts, or as the task's first statement. why is "" when there is
// none.
func (r *resolver) semaphore(start inspector.Cursor, loop ast.Node, body ast.Node) (int, bool, string) {
	var fn ast.Node
	for fc := range start.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = fc.Node()
		break
	}
	var stmts []ast.Stmt
	var loopBody *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		loopBody = l.Body
	case *ast.RangeStmt:
		loopBody = l.Body
	}
	for _, st := range loopBody.List {
		if st.Pos() >= start.Node().Pos() {
			break
		}
		stmts = append(stmts, st)
	}
	if lit, ok := body.(*ast.FuncLit); ok && len(lit.Body.List) > 0 {
		stmts = append(stmts, lit.Body.List[0])
	}
	for _, st := range stmts {
		v, weight := r.acquires(st)
		if v == nil || (v.Pos() >= loop.Pos() && v.Pos() < loop.End()) {
			continue // none, or made per iteration: not a semaphore
		}
		defs, dok := defsOf(r.info, fn, v)
		if !dok || len(defs) != 1 || defs[0].rhs == nil || defs[0].index >= 0 {
			continue
		}
		mk, isCall := ast.Unparen(defs[0].rhs).(*ast.CallExpr)
		if !isCall {
			continue
		}
		var capacity ast.Expr
		if b, isB := ast.Unparen(mk.Fun).(*ast.Ident); isB && r.info.Uses[b] == types.Universe.Lookup("make") && len(mk.Args) == 2 && weight == 0 {
			capacity = mk.Args[1]
		} else if typesutil.IsFunc(typesutil.Callee(r.info, mk), semaphorePkg, "NewWeighted") && len(mk.Args) == 1 && weight > 0 {
			capacity = mk.Args[0]
		} else {
			continue
		}
		if c, isConst := intConst(r.info, capacity); isConst && c > 0 {
			if weight > 1 {
				c /= weight
			}
			return c, true, fmt.Sprintf("a semaphore of capacity %d", c)
		}
		return 0, false, "a semaphore"
	}
	return 0, false, ""
}

const semaphorePkg = "golang.org/x/sync/semaphore"

// acquires returns the semaphore a statement acquires: a channel sent to
// (weight 0), or a semaphore.Weighted acquired with a constant weight,
// in an expression statement, an assignment or an if's init.
func (r *resolver) acquires(st ast.Stmt) (*types.Var, int) {
	if s, ok := st.(*ast.SendStmt); ok {
		if id, ok := ast.Unparen(s.Chan).(*ast.Ident); ok {
			v, _ := r.info.Uses[id].(*types.Var)
			return v, 0
		}
		return nil, 0
	}
	if is, ok := st.(*ast.IfStmt); ok && is.Init != nil {
		st = is.Init
	}
	var call *ast.CallExpr
	switch s := st.(type) {
	case *ast.ExprStmt:
		call, _ = ast.Unparen(s.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			call, _ = ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
		}
	}
	if call == nil || len(call.Args) != 2 || !typesutil.IsMethod(typesutil.Callee(r.info, call), semaphorePkg, "Weighted", "Acquire") {
		return nil, 0
	}
	w, ok := intConst(r.info, call.Args[1])
	if !ok || w <= 0 {
		return nil, 0
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, 0
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, 0
	}
	v, _ := r.info.Uses[id].(*types.Var)
	return v, w
}

// chainKey renders a variable or field path (g, s.g) for comparison.
func chainKey(info *types.Info, e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := info.ObjectOf(e); obj != nil {
			return fmt.Sprintf("%p", obj)
		}
	case *ast.SelectorExpr:
		if x := chainKey(info, e.X); x != "" {
			if obj := info.ObjectOf(e.Sel); obj != nil {
				return x + "." + fmt.Sprintf("%p", obj)
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return chainKey(info, e.X)
		}
	}
	return ""
}
