package poolconfig

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
	"github.com/poollint/poollint/analyzers/internal/typesutil"
)

const defaultMaxIdleConns = 100 // http.DefaultTransport.MaxIdleConns

// base says what a construction starts from.
type base int

const (
	zeroBase    base = iota // a literal, new, or zero value
	defaultBase             // a Clone of http.DefaultTransport
)

// transport is one followed construction and what the rules may ask
// about it.
type transport struct {
	*fieldflow.Flow
	pass *analysis.Pass
	tr   *fieldflow.Tracker
	base base
	use  usage
}

// val returns the last value set for name, constant if known, and
// whether the field is set at all.
func (t *transport) val(name string) (constant.Value, bool) {
	f := t.Last(name)
	if f == nil {
		return nil, false
	}
	return fieldflow.Const(t.pass.TypesInfo, f.Value), true
}

// seenAll reports whether every setting of the transport is visible,
// so that a missing field is really missing.
func (t *transport) seenAll() bool { return !t.Escaped }

// fromScratch reports whether the transport starts from zero and we
// saw everything done to it.
func (t *transport) fromScratch() bool { return t.base == zeroBase && t.seenAll() }

// oneShot reports whether the transport is deliberately without a
// pool: keep-alives off, or no idle connection kept.
func (t *transport) oneShot() bool {
	if v, ok := t.val("DisableKeepAlives"); ok && isTrue(v) {
		return true
	}
	v, _ := t.val("MaxIdleConnsPerHost")
	n, ok := intOf(v)
	return ok && n < 0
}

// tunedByConfig reports whether the pool is a load generator's: its
// keep-alives are a configuration switch (DisableKeepAlives set to a
// value that is not a constant) and its size comes from configuration
// too (MaxIdleConnsPerHost, MaxIdleConns or MaxConnsPerHost not a
// constant). Its author built this pool on purpose for a tool that
// controls its own traffic (corpus: bombardier), so with a client
// Timeout nothing it drops from DefaultTransport is an oversight. A
// pool sized from configuration alone is a scraper's or an API
// client's (corpus: telegraf burrow and jenkins): a dropped Proxy is
// still an oversight there.
func (t *transport) tunedByConfig() bool {
	configured := func(name string) bool {
		f := t.Last(name)
		return f != nil && f.Value != nil && fieldflow.Const(t.pass.TypesInfo, f.Value) == nil
	}
	if !configured("DisableKeepAlives") {
		return false
	}
	for _, name := range []string{"MaxIdleConnsPerHost", "MaxIdleConns", "MaxConnsPerHost"} {
		if configured(name) {
			return true
		}
	}
	return false
}

// otherArmSets reports whether the transport is built in one arm of an
// if statement whose other arm builds one that sets name: the field is
// then left out by the configuration's choice (if opts.WithProxy { ...
// Proxy: http.ProxyFromEnvironment ... } else { ... }), not forgotten.
func (t *transport) otherArmSets(name string) bool {
	for ic := range t.Cursor.Enclosing((*ast.IfStmt)(nil)) {
		is := ic.Node().(*ast.IfStmt)
		if is.Else == nil {
			return false
		}
		var other ast.Node = is.Else
		if pos := t.Expr.Pos(); is.Else.Pos() <= pos && pos < is.Else.End() {
			other = is.Body
		}
		found := false
		ast.Inspect(other, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == name {
					if f, ok := t.pass.TypesInfo.Uses[id].(*types.Var); ok && f.IsField() && f.Pkg() != nil && f.Pkg().Path() == typesutil.NetHTTP {
						found = true
					}
				}
			case *ast.SelectorExpr:
				found = found || t.tr.FieldOf(n) == name
			}
			return !found
		})
		return found
	}
	return false
}

// finding collects the clauses of one transport's message.
type finding struct {
	drops, reasons, leaves, sets, advice []string
	fromScratch                          bool // defaults dropped: suggest the Clone fix
	// at is the assignment after the construction that sets the
	// reported value, when the finding is only about explicit values
	// set there: the finding is reported at it.
	at          ast.Node
	constructed bool // a clause is about the construction itself
}

// A rule is one judgement on a transport, turned on by its flag.
type rule struct {
	flag  string
	on    bool // default
	usage string
	judge func(t *transport, f *finding)
}

// rules are poolconfig's judgements, in the order their clauses appear
// in a message. Each reports only what can break for the use the
// package shows (see usage.go). MaxIdleConnsPerHost left at 2 is not
// here: whether it is too small depends on the concurrency that sends
// through the pool, which the poolsize analyzer judges.
var rules = []rule{
	{"defaults", true, "report transports built from scratch that drop DefaultTransport's Proxy, or its dial and TLS handshake timeouts when no client Timeout bounds them", judgeDefaults},
	{"idle-timeout", true, "report transports built from scratch and dropped after each call that leave IdleConnTimeout at 0", judgeIdleTimeout},
	{"maxconns", false, "report transports that leave MaxConnsPerHost unlimited", judgeMaxConns},
	{"idle-cap", true, "report MaxIdleConnsPerHost larger than a non-zero MaxIdleConns", judgeIdleCap},
	{"global", true, "report fields set on http.DefaultTransport outside package main", nil},
	{"keepalives", true, "report DisableKeepAlives set to true on a transport kept in a package-level variable", judgeKeepAlives},
	{"http2", false, "report a custom TLSClientConfig, DialContext, Dial, DialTLSContext or DialTLS without ForceAttemptHTTP2", judgeHTTP2},
}

// judgeDefaults: a transport built from scratch loses DefaultTransport's
// Proxy (HTTP_PROXY ignored, wherever it is used) and its dial and TLS
// handshake timeouts (which matter only when no client Timeout bounds
// the request). None of it applies to a unix socket.
func judgeDefaults(t *transport, f *finding) {
	if !t.fromScratch() || t.use.unixSocket {
		return
	}
	if !t.Set("Proxy") && !(t.use.timed && t.tunedByConfig()) && !t.otherArmSets("Proxy") {
		f.drops = append(f.drops, "Proxy")
		f.reasons = append(f.reasons, "HTTP_PROXY is ignored")
	}
	if !t.use.timed && !t.use.example {
		dial := !t.Set("DialContext", "Dial", "DialTLSContext", "DialTLS")
		handshake := !t.Set("TLSHandshakeTimeout", "DialTLSContext", "DialTLS")
		switch {
		case dial && handshake:
			f.drops = append(f.drops, "dial timeout", "TLS handshake timeout")
			f.reasons = append(f.reasons, "without a client Timeout a dead host or a stalled TLS handshake blocks a request for minutes or forever")
		case dial:
			f.drops = append(f.drops, "dial timeout")
			f.reasons = append(f.reasons, "without a client Timeout a dead host blocks a request for minutes")
		case handshake:
			f.drops = append(f.drops, "TLS handshake timeout")
			f.reasons = append(f.reasons, "without a client Timeout a stalled TLS handshake blocks a request forever")
		}
	}
	f.fromScratch = len(f.drops) > 0
	f.constructed = f.constructed || f.fromScratch
}

// judgeIdleTimeout: IdleConnTimeout 0 keeps idle connections open
// forever. On a long-lived transport net/http reuses or retires them;
// on a transport dropped after each call they are never closed and
// leak a socket and two goroutines each. Keep-alives off keep none.
func judgeIdleTimeout(t *transport, f *finding) {
	if !t.fromScratch() || !t.use.perCall || t.oneShot() || t.Set("IdleConnTimeout") {
		return
	}
	f.leaves = append(f.leaves, "IdleConnTimeout at 0 on a transport dropped after each call, so its idle connections never close")
	f.advice = append(f.advice, "set IdleConnTimeout (DefaultTransport uses 90s), or build the transport once and reuse it")
	f.constructed = true
}

func judgeMaxConns(t *transport, f *finding) {
	if t.seenAll() && !t.Set("MaxConnsPerHost") {
		f.leaves = append(f.leaves, "MaxConnsPerHost unlimited")
		f.advice = append(f.advice, "set MaxConnsPerHost to what the server can take")
		f.constructed = true
	}
}

func judgeIdleCap(t *transport, f *finding) {
	perHost, _ := t.val("MaxIdleConnsPerHost")
	p, pok := intOf(perHost)
	total, totalSet := t.val("MaxIdleConns")
	m, mok := intOf(total)
	if !totalSet && t.seenAll() {
		m, mok = 0, true
		if t.base == defaultBase {
			m = defaultMaxIdleConns
		}
	}
	if pok && mok && m > 0 && p > m {
		from := ""
		if !totalSet {
			from = " (inherited from DefaultTransport)"
		}
		f.sets = append(f.sets, fmt.Sprintf("lets MaxIdleConns %d%s cap MaxIdleConnsPerHost %d", m, from, p))
		f.advice = append(f.advice, fmt.Sprintf("raise MaxIdleConns to at least %d", p))
		f.setAt(t, "MaxIdleConnsPerHost", "MaxIdleConns")
	}
}

// judgeKeepAlives: keep-alives off are a deliberate one-shot on a
// transport built per call or per probe (removing them without caching
// the transport would leak descriptors); they cost a connection per
// request only on a transport the whole program shares.
func judgeKeepAlives(t *transport, f *finding) {
	if v, ok := t.val("DisableKeepAlives"); ok && isTrue(v) && t.use.longLived {
		f.sets = append(f.sets, "turns keep-alives off on a transport kept for the whole program, so every request opens a new connection")
		f.advice = append(f.advice, "remove DisableKeepAlives")
		f.setAt(t, "DisableKeepAlives")
	}
}

// judgeHTTP2 (opt-in): a custom TLS config or dialer turns automatic
// HTTP/2 off. That matters for many concurrent requests to one HTTP/2
// server (one connection multiplexes them) and for gRPC-style APIs;
// HTTP/1.1 with keep-alive is a sound choice for most clients.
func judgeHTTP2(t *transport, f *finding) {
	if !t.fromScratch() || t.use.unixSocket || t.Set("ForceAttemptHTTP2", "TLSNextProto", "Protocols") {
		return
	}
	var custom []string
	for _, name := range []string{"TLSClientConfig", "DialContext", "Dial", "DialTLSContext", "DialTLS"} {
		if s := t.Last(name); s != nil && !fieldflow.IsNil(t.pass.TypesInfo, s.Value) {
			custom = append(custom, name)
		}
	}
	if len(custom) > 0 {
		f.sets = append(f.sets, "sets a custom "+join(custom, "and")+" without ForceAttemptHTTP2, which turns HTTP/2 off")
		if !f.fromScratch {
			f.advice = append(f.advice, "set ForceAttemptHTTP2: true")
		}
		f.constructed = true
	}
}

// setAt records where an explicit value of one of names was set: the
// latest assignment after the construction, if any.
func (f *finding) setAt(t *transport, names ...string) {
	for _, name := range names {
		if as := t.assignedAfter(name); as != nil && (f.at == nil || as.Pos() > f.at.Pos()) {
			f.at = as
		}
	}
	if f.at == nil {
		f.constructed = true
	}
}

// message renders the finding, or reports false when there is nothing
// to say.
func (f *finding) message(t *transport) (string, bool) {
	var problems []string
	if len(f.drops) > 0 {
		problems = append(problems, "drops DefaultTransport's "+join(f.drops, "and")+" ("+strings.Join(f.reasons, ", and ")+")")
	}
	if len(f.leaves) > 0 {
		problems = append(problems, "leaves "+join(f.leaves, "and"))
	}
	problems = append(problems, f.sets...)
	if len(problems) == 0 {
		return "", false
	}
	advice := f.advice
	if f.fromScratch {
		advice = append([]string{"start from http.DefaultTransport.(*http.Transport).Clone()"}, advice...)
	}
	return subject(t) + " " + joinClauses(problems) + "; " + joinAdvice(advice), true
}

func subject(t *transport) string {
	switch {
	case t.base == defaultBase:
		return "http.Transport cloned from DefaultTransport"
	case t.Kind == fieldflow.New:
		return "new(http.Transport)"
	case t.Kind == fieldflow.ZeroVar:
		return "zero http.Transport"
	}
	return "http.Transport literal"
}

// join renders a, b and c.
func join(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// joinClauses joins whole clauses that may contain commas of their own.
func joinClauses(items []string) string {
	if len(items) <= 2 {
		return join(items, "and")
	}
	return strings.Join(items[:len(items)-1], "; ") + "; and " + items[len(items)-1]
}

func joinAdvice(items []string) string {
	seen := map[string]bool{}
	var out []string
	for _, a := range items {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	if len(out) > 2 {
		return strings.Join(out[:len(out)-1], ", ") + ", and " + out[len(out)-1]
	}
	return join(out, "and")
}
