// Package robust holds odd-but-legal code that must not crash the
// analyzer: generics, labels, goto, select, range-over-func, method
// expressions, shadowed identifiers and recursion.
package robust

import (
	"iter"
	"net/http"
)

type Pool[T any] struct{ items []T }

func (p *Pool[T]) Put(v T) { p.items = append(p.items, v) }

func Make[T any](f func() T) T { return f() }

func badGeneric[T any](w http.ResponseWriter, r *http.Request) {
	_ = Make(func() *http.Transport { return &http.Transport{} })
	var p Pool[*http.Transport]
	p.Put(&http.Transport{}) // want `http.Transport created per request in handler badGeneric`
}

func seq() iter.Seq[string] {
	return func(yield func(string) bool) { yield("a") }
}

func badRangeFunc() {
	for u := range seq() {
		(&http.Client{Transport: &http.Transport{}}).Get(u) // want `http.Transport created per iteration of a loop`
	}
}

func weird(ch chan int) { // want weird:`buildsPool\(http.Transport\)`
	new := func(x int) int { return x } // shadows the builtin
	_ = new(1)
loop:
	for {
		select {
		case v := <-ch:
			if v == 0 {
				break loop
			}
			goto done
		}
	}
done:
	f := (*http.Transport).Clone
	_ = f
	var t http.Transport
	_ = t.Clone // method value, not a call
	recurse(3)
}

func recurse(n int) *http.Transport { // want recurse:`buildsPool\(http.Transport, returned\)`
	if n == 0 {
		return &http.Transport{}
	}
	return recurse(n - 1)
}

type handler func(http.ResponseWriter, *http.Request)

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h(w, r) }

var _ = handler(func(w http.ResponseWriter, r *http.Request) {
	_ = new(http.Transport) // want `http.Transport created per request in an HTTP handler literal`
})
