package bodyown

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Counters: a retry loop `for i := 0; i <= max; i++` that closes the
// body only when another attempt follows (if i < max { drain; close })
// leaves it open on the last attempt, when the loop ends and the
// response is returned. The search follows i across the path: after
// the branch "i < max" is false (i >= max) and i++, the loop's own
// test i <= max is false, so the path that would go round again with
// the body open cannot be taken (opensearch-go opensearchtransport.go).
//
// counterRel records a lower bound i - bound >= k on the path, for one
// local integer i and one bound expression (printed, and never assigned
// in the function).
type counterRel struct {
	i     *types.Var
	bound string
	k     int8
}

// maxCounterK caps k: a larger lower bound is still a lower bound, and
// the cap keeps the states a loop produces finite.
const maxCounterK = 2

// counterCond returns the relation that cond == val implies, if cond
// compares a local integer with a bound that is not assigned in f.
// Under && and ||, a comparison counts when the flags decide the other
// operand (shouldClose && i < max is false, with shouldClose true).
func (f *Func) counterCond(cond ast.Expr, val bool, fs flagState) (counterRel, bool) {
	cond = ast.Unparen(cond)
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return f.counterCond(u.X, !val, fs)
	}
	c, ok := cond.(*ast.BinaryExpr)
	if !ok {
		return counterRel{}, false
	}
	if c.Op == token.LAND || c.Op == token.LOR {
		decides := c.Op == token.LOR // the operand value that decides alone
		if val != decides {          // both operands have the value val
			if r, ok := f.counterCond(c.X, val, fs); ok {
				return r, true
			}
			return f.counterCond(c.Y, val, fs)
		}
		// One operand has the value val: the one the flags do not rule out.
		if v, known := f.eval(fs, c.X); known && v != val {
			return f.counterCond(c.Y, val, fs)
		}
		if v, known := f.eval(fs, c.Y); known && v != val {
			return f.counterCond(c.X, val, fs)
		}
		return counterRel{}, false
	}
	op := c.Op
	x, y := c.X, c.Y
	i := f.counterVar(x)
	if i == nil {
		i = f.counterVar(y)
		if mirror(op) == op {
			return counterRel{}, false // == or !=: no order to mirror
		}
		x, y, op = y, x, mirror(op) // max > i is i < max
	}
	if i == nil || !f.fixedBound(y, i) {
		return counterRel{}, false
	}
	if !val {
		op = negate(op) // == and != give no relation below
	}
	b := types.ExprString(y)
	switch op {
	case token.GEQ:
		return counterRel{i, b, 0}, true
	case token.GTR:
		return counterRel{i, b, 1}, true
	}
	return counterRel{}, false
}

// counterFalse reports whether the relation r makes cond == val
// impossible: cond is i < bound or i <= bound (either way round), and r
// says i - bound >= k with k large enough to make it false.
func (f *Func) counterFalse(r counterRel, cond ast.Expr, val bool) bool {
	if r.i == nil || !val {
		return false
	}
	c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch c.Op {
	case token.LAND: // true needs both
		return f.counterFalse(r, c.X, true) || f.counterFalse(r, c.Y, true)
	case token.LOR: // true needs one
		return f.counterFalse(r, c.X, true) && f.counterFalse(r, c.Y, true)
	}
	op, x, y := c.Op, c.X, c.Y
	if f.counterVar(x) != r.i {
		x, y, op = y, x, mirror(op) // bound > i is i < bound
	}
	if f.counterVar(x) != r.i || types.ExprString(y) != r.bound {
		return false
	}
	switch op {
	case token.LSS:
		return r.k >= 0
	case token.LEQ:
		return r.k >= 1
	}
	return false
}

// counterStep updates r for node n: i++ and i-- move the bound, any
// other assignment to i or to the bound forgets it.
func (f *Func) counterStep(r counterRel, n ast.Node) counterRel {
	if r.i == nil {
		return r
	}
	switch n := n.(type) {
	case *ast.IncDecStmt:
		if f.counterVar(n.X) == r.i {
			if n.Tok == token.INC {
				r.k = min(r.k+1, maxCounterK)
			} else if r.k--; r.k < -1 {
				return counterRel{}
			}
			return r
		}
		if types.ExprString(n.X) == r.bound {
			return counterRel{}
		}
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if f.counterVar(l) == r.i || types.ExprString(l) == r.bound {
				return counterRel{}
			}
		}
	case *ast.ValueSpec:
		for _, id := range n.Names {
			if f.Info.Defs[id] == r.i {
				return counterRel{}
			}
		}
	}
	return r
}

// counterVar returns the local integer variable e names, or nil.
func (f *Func) counterVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.Info.Uses[id].(*types.Var)
	if !ok || v.Pos() < f.Body.Pos() || v.Pos() >= f.Body.End() {
		return nil
	}
	if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	return v
}

// fixedBound reports whether e is a bound the function does not change:
// a constant, or identifiers and field selections (not mentioning i)
// of which none is assigned, incremented or has its address taken in f.
func (f *Func) fixedBound(e ast.Expr, i *types.Var) bool {
	if tv, ok := f.Info.Types[e]; ok && tv.Value != nil {
		return true
	}
	simple := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if f.Info.Uses[n] == i {
				simple = false
			}
		case nil, *ast.SelectorExpr, *ast.ParenExpr:
		default:
			simple = false
		}
		return simple
	})
	if !simple {
		return false
	}
	s := types.ExprString(e)
	changed := false
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if types.ExprString(l) == s {
					changed = true
				}
			}
		case *ast.IncDecStmt:
			changed = changed || types.ExprString(n.X) == s
		case *ast.UnaryExpr:
			changed = changed || n.Op == token.AND && types.ExprString(n.X) == s
		}
		return !changed
	})
	return !changed
}
