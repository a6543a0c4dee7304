package bodyown

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
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
// each (block, path facts, rule state) is visited once, and branches
// on which there is no live response are pruned (Dead: the call's
// error is non-nil while it still holds that error, or the response or
// its body is nil).
func Search[S comparable](f *Func, d Def, init S, rule Rule[S]) (Hit[S], bool) {
	b0, i0, ok := f.Locate(d.Stmt)
	if !ok || !b0.Live {
		return Hit[S]{}, false
	}
	type key struct {
		b     *cfg.Block
		errOK bool
		s     S
	}
	seen := map[key]bool{}
	var walk func(b *cfg.Block, start int, errOK bool, jump ast.Node, s S) (Hit[S], bool)
	walk = func(b *cfg.Block, start int, errOK bool, jump ast.Node, s S) (Hit[S], bool) {
		for i := start; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			var step Step
			step, s = rule(n, s)
			switch step {
			case Safe:
				return Hit[S]{}, false
			case Report:
				return Hit[S]{At: n, Jump: jump, State: s}, true
			}
			if Assigns(f.Info, n, d.Err) {
				errOK = false
			}
		}
		if j := f.Jump(b); j != nil {
			jump = j
		}
		cond := f.Cond(b)
		for j, succ := range b.Succs {
			if cond != nil && Dead(f.Info, cond, j == 0, d.Var, d.Err, errOK) {
				continue
			}
			k := key{succ, errOK, s}
			if seen[k] {
				continue
			}
			seen[k] = true
			if h, ok := walk(succ, 0, errOK, jump, s); ok {
				return h, true
			}
		}
		return Hit[S]{}, false
	}
	return walk(b0, i0+1, true, nil, init)
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
