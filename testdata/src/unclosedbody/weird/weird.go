// Package weird holds odd but legal shapes: the analyzer must not
// panic on any of them.
package weird

import (
	"context"
	"iter"
	"net/http"
)

type Getter[T any] interface {
	Get(url string) (T, error)
}

func generic[G Getter[*http.Response]](g G, url string) error {
	resp, err := g.Get(url) // want `response body is never closed`
	if err != nil {
		return err
	}
	_ = resp
	return nil
}

func genericGood[G Getter[*http.Response]](g G, url string) error {
	resp, err := g.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withGoto(url string) error {
	n := 0
retry:
	resp, err := http.Get(url)
	if err != nil {
		n++
		if n < 3 {
			goto retry
		}
		return err
	}
	resp.Body.Close()
	return nil
}

func withGotoLeak(url string) error {
	n := 0
retry:
	resp, err := http.Get(url) // want `response body is not closed on the path that continues the loop here`
	if err != nil {
		return err
	}
	if n++; n < 3 && resp.StatusCode != 200 {
		goto retry
	}
	resp.Body.Close()
	return nil
}

func labeled(urls [][]string) {
outer:
	for _, us := range urls {
		for _, u := range us {
			resp, err := http.Get(u)
			if err != nil {
				continue outer
			}
			resp.Body.Close()
			if resp.StatusCode == 500 {
				break outer
			}
		}
	}
}

func selecting(ctx context.Context, ch <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case u := <-ch:
			resp, err := http.Get(u)
			if err != nil {
				continue
			}
			resp.Body.Close()
		}
	}
}

func rangeFunc(seq iter.Seq[string]) {
	for u := range seq {
		resp, err := http.Get(u)
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

func typeSwitch(x any, url string) {
	switch x.(type) {
	case int:
		resp, err := http.Get(url)
		if err != nil {
			return
		}
		defer resp.Body.Close()
	case string:
	default:
	}
}

func fallthroughs(n int, url string) {
	switch n {
	case 0:
		fallthrough
	case 1:
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
		}
	}
}

func noReturnAtAll(url string) {
	for {
		resp, err := http.Get(url)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
	}
}

func multiAssign(a, b string) {
	r1, r2 := get(a), get(b)
	defer r1.Body.Close()
	defer r2.Body.Close()
}

func get(u string) *http.Response { r, _ := http.Get(u); return r }

var pkgLevel, pkgErr = http.Get("http://example.com")

func closureReturning(url string) func() *http.Response {
	resp, err := http.Get(url)
	if err != nil {
		return nil
	}
	return func() *http.Response { return resp }
}

func deferRecover(url string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = nil
		}
	}()
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	panic("x")
}

func emptyFuncLit() {
	_ = func() {}
	var f func(*http.Response)
	_ = f
}
