package bodyown

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Status: what the branches on a path say about a response's
// StatusCode. The search carries it (pathFacts.status) for two
// questions:
//
//   - a response from a callee that reads and closes every response
//     that is not a success before returning it (an OpenOnSuccess fact:
//     minio-go's executeMethod): on a path where the caller's own tests
//     rule out success, the callee has already closed the body;
//   - 101 Switching Protocols: on a path where the status is 101, the
//     connection has left the pool, and a return that hands the caller
//     a connection hands on the upgrade.
//
// The callee side (noOpenResult's guarded pass) asks the converse: is a
// branch taken only for a success status?

// statusState is what a path knows about one response's status: an
// exact code, an interval, that it is not 2xx at all, or that a test
// ruled out a 2xx code (the success code the caller expects).
type statusState struct {
	eq     int16 // the status is eq; 0: unknown
	lo, hi int16 // the status lies in [lo, hi]; 0, 0: unknown
	out    bool  // the status is not 2xx (from a disjunction: < 200 || > 299)
	ne2xx  bool  // a test ruled out a 2xx code: status != 200
}

func is2xx(c int64) bool { return c >= 200 && c <= 299 }

// bounds returns the interval the state allows.
func (s statusState) bounds() (lo, hi int64) {
	lo, hi = 0, 999
	if s.lo != 0 || s.hi != 0 {
		lo, hi = int64(s.lo), int64(s.hi)
	}
	if s.eq != 0 {
		lo, hi = int64(s.eq), int64(s.eq)
	}
	return lo, hi
}

// notOK reports whether the state rules out every 2xx status.
func (s statusState) notOK() bool {
	lo, hi := s.bounds()
	return s.out || hi < 200 || lo > 299
}

// only2xx reports whether the state allows only 2xx statuses.
func (s statusState) only2xx() bool {
	lo, hi := s.bounds()
	return lo >= 200 && hi <= 299
}

// notSuccess reports whether the caller's tests on the path say the
// response is not the success it expects: no 2xx status is possible,
// or the path took the "not that code" side of a test against a 2xx
// code and no later test pinned the status to a success. A callee that
// returns open only 2xx responses (OpenOnSuccess) closed the body
// here, unless the server answered with a 2xx code the caller does not
// test for, which the caller then treats as an error (its bug to fix
// first; documented in unclosedbody's doc.go).
func (s statusState) notSuccess() bool {
	if s.notOK() {
		return true
	}
	return s.ne2xx && s.eq == 0 && !s.only2xx()
}

// conj is what both a and b say.
func conj(a, b statusState) statusState {
	r := a
	if r.eq == 0 {
		r.eq = b.eq
	}
	alo, ahi := a.lo, a.hi
	if alo == 0 && ahi == 0 {
		alo, ahi = 0, 999
	}
	blo, bhi := b.lo, b.hi
	if blo == 0 && bhi == 0 {
		blo, bhi = 0, 999
	}
	r.lo, r.hi = max(alo, blo), min(ahi, bhi)
	if r.lo == 0 && r.hi == 999 {
		r.lo, r.hi = 0, 0
	}
	r.out = a.out || b.out
	r.ne2xx = a.ne2xx || b.ne2xx
	return r
}

// disj is what a or b says, whichever holds.
func disj(a, b statusState) statusState {
	var r statusState
	if a.eq == b.eq {
		r.eq = a.eq
	}
	alo, ahi := a.bounds()
	blo, bhi := b.bounds()
	lo, hi := min(alo, blo), max(ahi, bhi)
	if lo != 0 || hi != 999 {
		r.lo, r.hi = int16(lo), int16(hi)
	}
	r.out = a.notOK() && b.notOK()
	r.ne2xx = (a.ne2xx || a.notOK()) && (b.ne2xx || b.notOK())
	return r
}

// statusCond returns what cond == val says about v.StatusCode, and
// whether it says anything.
func statusCond(info *types.Info, cond ast.Expr, val bool, v *types.Var) (statusState, bool) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			return statusCond(info, c.X, !val, v)
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			x, xk := statusCond(info, c.X, val, v)
			y, yk := statusCond(info, c.Y, val, v)
			if (c.Op == token.LAND) == val { // both hold
				switch {
				case xk && yk:
					return conj(x, y), true
				case xk:
					return x, true
				case yk:
					return y, true
				}
				return statusState{}, false
			}
			if xk && yk { // one of them holds
				return disj(x, y), true
			}
			return statusState{}, false
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return statusCompare(info, c, val, v)
		}
	}
	return statusState{}, false
}

// mirror returns the comparison op with its operands swapped: a < b is
// b > a. == and != (and any other operator) are their own mirror.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// negate returns the comparison that holds when op does not: a < b is
// !(a >= b). Any other operator gives token.ILLEGAL.
func negate(op token.Token) token.Token {
	switch op {
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	case token.LSS:
		return token.GEQ
	case token.GEQ:
		return token.LSS
	case token.GTR:
		return token.LEQ
	case token.LEQ:
		return token.GTR
	}
	return token.ILLEGAL
}

// statusCompare evaluates v.StatusCode OP constant (either way round).
func statusCompare(info *types.Info, c *ast.BinaryExpr, val bool, v *types.Var) (statusState, bool) {
	op := c.Op
	x, y := c.X, c.Y
	if !isStatusOf(info, x, v) {
		x, y, op = y, x, mirror(op) // 200 <= s is s >= 200
	}
	if !isStatusOf(info, x, v) {
		return statusState{}, false
	}
	tv, ok := info.Types[y]
	if !ok || tv.Value == nil {
		return statusState{}, false
	}
	code, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || code < 0 || code > 999 {
		return statusState{}, false
	}
	if !val { // negate the operator
		op = negate(op)
	}
	var s statusState
	switch op {
	case token.EQL:
		s.eq = int16(code)
	case token.NEQ:
		s.ne2xx = is2xx(code)
		if !s.ne2xx {
			return s, false
		}
	case token.LSS:
		s.lo, s.hi = 0, int16(max(code-1, 0))
	case token.LEQ:
		s.lo, s.hi = 0, int16(code)
	case token.GTR:
		s.lo, s.hi = int16(min(code+1, 999)), 999
	case token.GEQ:
		s.lo, s.hi = int16(code), 999
	}
	return s, true
}

// isStatusOf reports whether e is v.StatusCode.
func isStatusOf(info *types.Info, e ast.Expr, v *types.Var) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "StatusCode" || v == nil {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.Uses[id] == v && IsResponse(info.TypeOf(sel.X))
}

// switchingProtocols is 101: after it the connection belongs to the
// protocol the request asked for, not to the pool.
const switchingProtocols = 101

// handsConn reports whether ret returns a connection: a non-nil result
// whose type can Read, Write and Close (net.Conn, io.ReadWriteCloser).
// On a 101 path that is the upgraded connection, handed to the caller.
func handsConn(info *types.Info, ret *ast.ReturnStmt) bool {
	for _, r := range ret.Results {
		if isNilExpr(info, r) {
			continue
		}
		t := info.TypeOf(r)
		if t == nil {
			continue
		}
		if hasMethods(t, "Read", "Write", "Close") {
			return true
		}
	}
	return false
}

func hasMethods(t types.Type, names ...string) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for _, n := range names {
		found := false
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == n {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
