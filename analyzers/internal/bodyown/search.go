package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

// A Step is what an analyzer's rule decides about one node on a path
// from a response definition.
type Step int

const (
	// Next: the node leaves the body as it was; the path goes on.
	Next Step = iota
	// Safe: the path needs no more checking (the body is closed, handed
	// on, or the process ends here).
	Safe
	// Report: the path ends here with a finding.
	Report
)

// A Rule is an analyzer's per-node decision on a path from d. It gets
// the node and the rule's own path state (what the analyzer remembers
// along the path, such as a deferred close), and returns the step and
// the state to carry on with. The state is part of the key of the
// states already seen, so it should stay small.
type Rule[S comparable] func(n ast.Node, s S) (Step, S)

// A Hit is where a search reported.
type Hit[S comparable] struct {
	At    ast.Node // the node at which the rule said Report
	Jump  ast.Node // the last continue or goto on the path, or nil
	State S        // the rule's state at At
}

// Search walks the control-flow paths that start just after d.Stmt and
// returns the first node at which rule says Report. It owns what every
// body checker needs to follow only the paths the program can take:
//
//   - each (block, path facts, rule state) is visited once;
//   - branches on which there is no live response are pruned (Dead):
//     the call's error is non-nil while it still holds that error, the
//     error of a read of the whole body is non-nil (the read failed and
//     net/http closed the connection), the response or its body is nil,
//     the status is one that has no body, or the request was HEAD;
//   - branches that contradict the constants last assigned, on the
//     path, to local booleans are pruned (flags.go);
//   - paths that leave a switch through no case (weak) are tried only
//     when no other path reports, so that the finding names a path the
//     program can take rather than one that validation may rule out.
func Search[S comparable](f *Func, d Def, init S, rule Rule[S]) (Hit[S], bool) {
	b0, i0, ok := f.Locate(d.Stmt)
	if !ok || !b0.Live {
		return Hit[S]{}, false
	}
	split := f.o != nil && f.o.OpenOnSuccess(typesutil.Callee(f.Info, d.Call))
	ctxs := requestContexts(f.Info, f.Body, d.Call)
	for _, weakToo := range []bool{false, true} {
		sr := searcher[S]{f: f, d: d, rule: rule, weakToo: weakToo, seen: map[searchKey[S]]bool{}, split: split, ctxs: ctxs}
		if h, ok := sr.walk(b0, i0+1, pathFacts{errOK: true, flags: f.flagsBefore(b0, i0+1)}, nil, init); ok {
			return h, true
		}
		if !sr.tookWeak {
			break // no weak edge was skipped: the second search would be the same
		}
	}
	return Hit[S]{}, false
}

// searchBudget bounds the states one search visits with flags tracked;
// past it, flags are forgotten, which keeps the number of states linear
// in the blocks.
const searchBudget = 20000

// pathFacts is what the search knows along a path, besides the rule's
// own state.
type pathFacts struct {
	errOK   bool       // d.Err still holds the call's error
	readErr *types.Var // holds the error of a whole-body read of d.Var, or nil
	flags   flagState
	status  statusState // what the branches say about d.Var.StatusCode (status.go)
	ctxDone bool        // the request's context is done on this path (ctxdone.go)
	ctr     counterRel  // a loop counter's lower bound (counter.go)
}

type searchKey[S comparable] struct {
	b     *cfg.Block
	facts pathFacts
	s     S
}

type searcher[S comparable] struct {
	f        *Func
	d        Def
	rule     Rule[S]
	weakToo  bool           // follow weak edges
	split    bool           // d's callee closes every response but a success (OpenOnSuccess)
	ctxs     []types.Object // the request's context, and the contexts it derives from
	tookWeak bool           // a weak edge was skipped
	seen     map[searchKey[S]]bool
	visits   int
}

func (sr *searcher[S]) walk(b *cfg.Block, start int, pf pathFacts, jump ast.Node, s S) (Hit[S], bool) {
	f, d := sr.f, sr.d
	for i := start; i < len(b.Nodes); i++ {
		n := b.Nodes[i]
		var step Step
		step, s = sr.rule(n, s)
		switch step {
		case Safe:
			return Hit[S]{}, false
		case Report:
			if sr.settled(n, pf) {
				return Hit[S]{}, false
			}
			return Hit[S]{At: n, Jump: jump, State: s}, true
		}
		if Assigns(f.Info, n, d.Err) {
			pf.errOK = false
		}
		if Assigns(f.Info, n, d.Var) {
			pf.status = statusState{}
			pf.ctxDone = false
		}
		if len(sr.ctxs) > 0 && receivesDone(f.Info, n, sr.ctxs) {
			pf.ctxDone = true
		}
		pf.ctr = f.counterStep(pf.ctr, n)
		if e := f.bodyReadErr(n, d.Var); e != nil {
			pf.readErr = e
		} else if Assigns(f.Info, n, pf.readErr) {
			pf.readErr = nil
		}
		if sr.visits < searchBudget {
			pf.flags = f.assign(pf.flags, n)
		}
	}
	if j := f.Jump(b); j != nil {
		jump = j
	}
	if weak(b) && !sr.weakToo {
		sr.tookWeak = true
		return Hit[S]{}, false
	}
	cond := f.Branch(b)
	for j, succ := range b.Succs {
		if cond != nil && sr.dead(cond, j == 0, pf) {
			continue
		}
		sr.visits++
		if sr.visits >= searchBudget {
			pf.flags = flagState{}
		}
		spf := pf
		if cond != nil {
			if st, ok := statusCond(f.Info, cond, j == 0, d.Var); ok {
				spf.status = conj(pf.status, st)
			}
			if len(sr.ctxs) > 0 && ctxErrCond(f.Info, cond, j == 0, sr.ctxs) {
				spf.ctxDone = true
			}
			if r, ok := f.counterCond(cond, j == 0, pf.flags); ok {
				spf.ctr = r
			}
		}
		k := searchKey[S]{succ, spf, s}
		if sr.seen[k] {
			continue
		}
		sr.seen[k] = true
		if h, ok := sr.walk(succ, 0, spf, jump, s); ok {
			return h, true
		}
	}
	return Hit[S]{}, false
}

// settled reports whether the path that reaches n, where the rule
// reports, has no open network body left to leak or drain: the callee
// closes every response but a success, and the caller's tests on the
// path rule success out (OpenOnSuccess); the request's context is done
// (net/http closes the connection of a request whose context ends); or
// the status is 101 Switching Protocols and n returns the upgraded
// connection to the caller.
func (sr *searcher[S]) settled(n ast.Node, pf pathFacts) bool {
	if sr.split && pf.status.notSuccess() || pf.ctxDone {
		return true
	}
	ret, ok := n.(*ast.ReturnStmt)
	return ok && pf.status.eq == switchingProtocols && handsConn(sr.f.Info, ret)
}

// dead reports whether the branch taken when cond == val cannot be
// taken with a live response on this path.
func (sr *searcher[S]) dead(cond ast.Expr, val bool, pf pathFacts) bool {
	f, d := sr.f, sr.d
	if v, known := f.eval(pf.flags, cond); known && v != val {
		return true
	}
	if f.counterFalse(pf.ctr, cond, val) {
		return true
	}
	return Dead(f.Info, cond, val, d.Var, d.Err, pf.errOK) ||
		pf.readErr != nil && Dead(f.Info, cond, val, d.Var, pf.readErr, true)
}

// Related points at n with msg. The range shrinks to n's start when
// its end falls in another file (line directives, generated code), so
// that it is always a valid range.
func Related(pass *analysis.Pass, n ast.Node, msg string) analysis.RelatedInformation {
	pos, end := n.Pos(), n.End()
	if pass.Fset.File(pos) != pass.Fset.File(end) {
		end = pos
	}
	return analysis.RelatedInformation{Pos: pos, End: end, Message: msg}
}

// Loop returns a node that stands for the innermost loop statement
// around n in f (its keyword only), or nil.
func (f *Func) Loop(n ast.Node) ast.Node {
	var loop ast.Node
	ast.Inspect(f.Body, func(m ast.Node) bool {
		if m == nil || loop != nil && m.Pos() > n.Pos() {
			return false
		}
		if m.Pos() > n.Pos() || m.End() < n.End() {
			return false
		}
		switch m.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			loop = m
		case *ast.FuncLit:
			return false
		}
		return true
	})
	if loop != nil {
		return &ast.Ident{NamePos: loop.Pos(), Name: token.FOR.String()}
	}
	return nil
}
