package bodyown

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// Flags: the search tracks local booleans assigned constants on a path
// (ok = true; break) and prunes the branches their values rule out
// (if !ok { return err } after a loop that sets ok only on success).

// maxFlags bounds the booleans tracked per function: their values are
// two bit sets in the search's state key.
const maxFlags = 64

// flagVars returns the local booleans of body that can be tracked,
// with their bit: every assignment is a plain one-to-one assignment or
// declaration in body itself (none in a closure, through a pointer, by
// a tuple, a range or an op-assignment).
func flagVars(info *types.Info, body *ast.BlockStmt) map[*types.Var]uint {
	ok := map[*types.Var]bool{}
	var order []*types.Var
	local := func(id *ast.Ident) *types.Var {
		obj := info.ObjectOf(id)
		v, isVar := obj.(*types.Var)
		if !isVar || v.Pos() < body.Pos() || v.Pos() >= body.End() || !isBool(v.Type()) {
			return nil
		}
		return v
	}
	mark := func(e ast.Expr, good bool) {
		id, isID := ast.Unparen(e).(*ast.Ident)
		if !isID {
			return
		}
		v := local(id)
		if v == nil {
			return
		}
		if prev, seen := ok[v]; !seen {
			order = append(order, v)
			ok[v] = good
		} else {
			ok[v] = prev && good
		}
	}
	var walk func(n ast.Node, inLit bool)
	walk = func(root ast.Node, inLit bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if n != root {
					walk(n.Body, true)
					return false
				}
			case *ast.AssignStmt:
				plain := !inLit && len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE)
				for _, l := range n.Lhs {
					mark(l, plain)
				}
			case *ast.ValueSpec:
				plain := !inLit && (len(n.Values) == 0 || len(n.Values) == len(n.Names))
				for _, id := range n.Names {
					mark(id, plain)
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key, false)
				}
				if n.Value != nil {
					mark(n.Value, false)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X, false)
				}
			}
			return true
		})
	}
	walk(body, false)
	flags := map[*types.Var]uint{}
	for _, v := range order {
		if ok[v] && len(flags) < maxFlags {
			flags[v] = uint(len(flags))
		}
	}
	return flags
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// flagState is what a path knows about the flags: bit i of known is
// set when flag i holds a known constant, given by bit i of val.
type flagState struct{ known, val uint64 }

// assign updates fs for the assignments in node n.
func (f *Func) assign(fs flagState, n ast.Node) flagState {
	set := func(e ast.Expr, rhs ast.Expr, zero bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		obj := f.Info.Defs[id]
		if obj == nil {
			obj = f.Info.Uses[id]
		}
		v, _ := obj.(*types.Var)
		i, tracked := f.flags[v]
		if !tracked {
			return
		}
		bit := uint64(1) << i
		val, known := false, zero
		if rhs != nil {
			if tv, ok := f.Info.Types[rhs]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
				val, known = constant.BoolVal(tv.Value), true
			}
		}
		if !known {
			fs.known &^= bit
			return
		}
		fs.known |= bit
		if val {
			fs.val |= bit
		} else {
			fs.val &^= bit
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				set(l, n.Rhs[i], false)
			}
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			if len(n.Values) == 0 {
				set(id, nil, true) // the zero value, false
			} else if i < len(n.Values) {
				set(id, n.Values[i], false)
			}
		}
	}
	return fs
}

// eval returns the value of the boolean expression e under fs, if the
// flags decide it.
func (f *Func) eval(fs flagState, e ast.Expr) (val, known bool) {
	e = ast.Unparen(e)
	if tv, ok := f.Info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return constant.BoolVal(tv.Value), true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := f.Info.Uses[x].(*types.Var)
		if i, ok := f.flags[v]; ok && fs.known&(1<<i) != 0 {
			return fs.val&(1<<i) != 0, true
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, k := f.eval(fs, x.X)
			return !v, k
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			short := x.Op == token.LOR // the value that decides alone
			xv, xk := f.eval(fs, x.X)
			yv, yk := f.eval(fs, x.Y)
			if xk && xv == short || yk && yv == short {
				return short, true
			}
			if xk && yk {
				return !short, true
			}
		}
	}
	return false, false
}

// flagsBefore returns what every path from the function's entry knows
// about the flags just before node i of block b: a search that starts
// at a response's definition inherits the constants assigned before it
// (var retry, closeBody bool before resp, err := c.Do(req)). A forward
// must-analysis over the graph, computed once per function.
func (f *Func) flagsBefore(b *cfg.Block, i int) flagState {
	if len(f.flags) == 0 {
		return flagState{}
	}
	if f.flagIn == nil {
		f.flagIn = map[*cfg.Block]flagState{}
		g := f.CFG()
		if len(g.Blocks) == 0 {
			return flagState{}
		}
		entry := g.Blocks[0]
		f.flagIn[entry] = flagState{}
		work := []*cfg.Block{entry}
		for steps := 0; len(work) > 0 && steps < 100*len(g.Blocks); steps++ {
			blk := work[len(work)-1]
			work = work[:len(work)-1]
			out := f.flagIn[blk]
			for _, n := range blk.Nodes {
				out = f.assign(out, n)
			}
			for _, s := range blk.Succs {
				old, seen := f.flagIn[s]
				next := out
				if seen {
					next.known = old.known & out.known &^ (old.val ^ out.val)
					next.val = old.val & next.known
				}
				if !seen || next != old {
					f.flagIn[s] = next
					work = append(work, s)
				}
			}
		}
	}
	fs := f.flagIn[b]
	for _, n := range b.Nodes[:i] {
		fs = f.assign(fs, n)
	}
	return fs
}
