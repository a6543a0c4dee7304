// Package weird holds odd but legal shapes that must not panic.
package weird

import (
	"net/http"
	. "net/http"
	h "net/http"
)

type T = http.Transport

type Wrapper struct {
	*http.Transport
	n int
}

func generic[P interface{ *http.Transport }](p P) P { return p }

func genericHelper[P *http.Transport](p P) {}

func badAlias() *T {
	return &T{} // want `drops DefaultTransport's`
}

func badDotImport() *Transport {
	return &Transport{} // want `drops DefaultTransport's`
}

func badRenamed() *h.Transport {
	t := &h.Transport{} // want `drops DefaultTransport's`
	return t
}

func goodEmbedded() *Wrapper {
	w := &Wrapper{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	w.MaxIdleConnsPerHost = 10
	return w
}

func badPositional() {
	// Positional literals of http.Transport cannot be written outside
	// net/http (unexported fields); an empty one is the only form.
	_ = http.Transport{} // want `drops DefaultTransport's`
}

func goodGenericPass() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t = generic(t)
	genericHelper(t)
	t.MaxIdleConnsPerHost = 4
	return t
}

func goodMultiAssign() (*http.Transport, *http.Transport) {
	a, b := http.DefaultTransport.(*http.Transport).Clone(), http.DefaultTransport.(*http.Transport).Clone()
	a.MaxIdleConnsPerHost, b.MaxIdleConnsPerHost = 5, 6
	return a, b
}

func goodIncDec() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost++
	return t
}

func goodAddressOfField() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	p := &t.MaxIdleConnsPerHost
	*p = 12
	return t
}

func goodBlank() {
	_ = http.DefaultTransport.(*http.Transport).Clone
	var _ http.Transport
	var x, y = 1, 2
	_, _ = x, y
}

func badInMap() map[string]*http.Transport {
	return map[string]*http.Transport{"a": {}} // want `drops DefaultTransport's`
}

func goodSlice() []http.RoundTripper {
	var rts []http.RoundTripper
	t := http.DefaultTransport.(*http.Transport).Clone()
	rts = append(rts, t)
	return rts
}

func goodParenthesised() *http.Transport {
	t := (http.DefaultTransport.(*http.Transport).Clone())
	(t).MaxIdleConnsPerHost = 3
	return t
}

func goodFuncLitRecursion() {
	var f func(*http.Transport)
	f = func(t *http.Transport) {
		if t != nil {
			f(nil)
		}
	}
	f(nil)
}

func goodConversion() {
	type myT http.Transport
	t := http.DefaultTransport.(*http.Transport).Clone()
	_ = (*myT)(t)
}

var _ = func() int {
	var t http.Transport // want `^zero http\.Transport drops`
	_ = &t
	return 0
}()
