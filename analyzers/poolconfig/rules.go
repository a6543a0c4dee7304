package poolconfig

import (
	"fmt"
	"go/constant"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/internal/fieldflow"
)

const (
	defaultMaxIdleConns     = 100 // http.DefaultTransport.MaxIdleConns
	defaultIdleConnsPerHost = 2   // http.DefaultMaxIdleConnsPerHost
)

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

// finding collects the clauses of one transport's message.
type finding struct {
	drops, leaves, sets, advice []string
	fromScratch                 bool // defaults dropped: suggest the Clone fix
}

// A rule is one judgement on a transport, turned on by its flag.
type rule struct {
	flag  string
	on    bool // default
	usage string
	judge func(cfg *config, t *transport, f *finding)
}

// rules are poolconfig's judgements, in the order their clauses appear
// in a message.
var rules = []rule{
	{"defaults", true, "report transports built from scratch that drop DefaultTransport's Proxy, dial timeout and TLS handshake timeout", judgeDefaults},
	{"idle-timeout", true, "report transports built from scratch that leave IdleConnTimeout at 0", judgeIdleTimeout},
	{"idle-per-host", true, "report transports that leave MaxIdleConnsPerHost at its default of 2 or set it to 0 or less", judgeIdlePerHost},
	{"maxconns", false, "report transports that leave MaxConnsPerHost unlimited", judgeMaxConns},
	{"idle-cap", true, "report MaxIdleConnsPerHost larger than a non-zero MaxIdleConns", judgeIdleCap},
	{"keepalives", true, "report DisableKeepAlives set to true", judgeKeepAlives},
	{"http2", true, "report a custom TLSClientConfig, DialContext, Dial, DialTLSContext or DialTLS without ForceAttemptHTTP2", judgeHTTP2},
}

func judgeDefaults(_ *config, t *transport, f *finding) {
	if !t.fromScratch() {
		return
	}
	if !t.Set("Proxy") {
		f.drops = append(f.drops, "Proxy")
	}
	if !t.Set("DialContext", "Dial", "DialTLSContext", "DialTLS") {
		f.drops = append(f.drops, "dial timeout")
	}
	if !t.Set("TLSHandshakeTimeout", "DialTLSContext", "DialTLS") {
		f.drops = append(f.drops, "TLS handshake timeout")
	}
	f.fromScratch = len(f.drops) > 0
}

func judgeIdleTimeout(_ *config, t *transport, f *finding) {
	if !t.fromScratch() || t.Set("IdleConnTimeout") {
		return
	}
	f.leaves = append(f.leaves, "IdleConnTimeout at 0 (idle connections never close)")
	if !f.fromScratch {
		f.advice = append(f.advice, "set IdleConnTimeout (DefaultTransport uses 90s)")
	}
}

func judgeIdlePerHost(cfg *config, t *transport, f *finding) {
	perHost, set := t.val("MaxIdleConnsPerHost")
	if !set {
		if t.seenAll() {
			f.leaves = append(f.leaves, "MaxIdleConnsPerHost at 2")
			f.advice = append(f.advice, "set MaxIdleConnsPerHost to the expected concurrency per host")
		}
	} else if _, clause := cfg.perHostValue(perHost); clause != "" {
		f.sets = append(f.sets, clause)
		f.advice = append(f.advice, "set MaxIdleConnsPerHost to the expected concurrency per host")
	}
}

func judgeMaxConns(_ *config, t *transport, f *finding) {
	if t.seenAll() && !t.Set("MaxConnsPerHost") {
		f.leaves = append(f.leaves, "MaxConnsPerHost unlimited")
		f.advice = append(f.advice, "set MaxConnsPerHost to what the server can take")
	}
}

func judgeIdleCap(_ *config, t *transport, f *finding) {
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
	}
}

func judgeKeepAlives(_ *config, t *transport, f *finding) {
	if v, ok := t.val("DisableKeepAlives"); ok && isTrue(v) {
		f.sets = append(f.sets, "turns keep-alives off, so every request opens a new connection")
		f.advice = append(f.advice, "remove DisableKeepAlives")
	}
}

func judgeHTTP2(_ *config, t *transport, f *finding) {
	if !t.fromScratch() || t.Set("ForceAttemptHTTP2", "TLSNextProto", "Protocols") {
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
	}
}

// perHostValue describes what is wrong with a constant
// MaxIdleConnsPerHost: standalone as "set to 0 means 2", and as a
// clause of a construction's message. Both are "" when it is fine.
func (cfg *config) perHostValue(v constant.Value) (standalone, clause string) {
	n, ok := intOf(v)
	switch {
	case !ok:
		return "", ""
	case n == 0:
		return "set to 0 means 2, not unlimited", "sets MaxIdleConnsPerHost to 0, which means 2, not unlimited"
	case n < 0:
		return fmt.Sprintf("set to %d keeps no idle connections", n), fmt.Sprintf("sets MaxIdleConnsPerHost to %d, which keeps no idle connections", n)
	case n < int64(cfg.minIdlePerHost):
		return fmt.Sprintf("set to %d is below the minimum of %d", n, cfg.minIdlePerHost), fmt.Sprintf("sets MaxIdleConnsPerHost to %d, below the minimum of %d", n, cfg.minIdlePerHost)
	}
	return "", ""
}

// message renders the finding, or reports false when there is nothing
// to say.
func (f *finding) message(t *transport) (string, bool) {
	var problems []string
	if len(f.drops) > 0 {
		problems = append(problems, "drops DefaultTransport's defaults ("+strings.Join(f.drops, ", ")+")")
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
