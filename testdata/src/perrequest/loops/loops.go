// Package loops covers loop bodies that build and drop a pool per
// iteration, and loops that build pools that are kept.
package loops

import (
	"net/http"
	"time"
)

func badLoop(urls []string) {
	for _, u := range urls {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per iteration of a loop; build it once before the loop and reuse it`
		c.Get(u)
	}
}

func goodLoopShared(urls []string) { // want goodLoopShared:`buildsPool\(http.Transport\)`
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	for _, u := range urls {
		c.Get(u)
	}
}

func badForever(u string) {
	for {
		t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per iteration of a loop`
		(&http.Client{Transport: t}).Get(u)
		time.Sleep(time.Second)
	}
}

// One pool per host, kept in a map: built once per host, not per use.
func goodPerHostMap(hosts []string) map[string]*http.Client {
	clients := make(map[string]*http.Client)
	for _, h := range hosts {
		clients[h] = &http.Client{Transport: &http.Transport{}}
	}
	return clients
}

// One pool per worker, kept by a long-lived goroutine.
func goodWorkers(n int, jobs chan string) {
	for i := 0; i < n; i++ {
		c := &http.Client{Transport: &http.Transport{}}
		go worker(c, jobs)
	}
}

func worker(c *http.Client, jobs chan string) {
	for u := range jobs {
		c.Get(u)
	}
}

// Appended to a slice that outlives the loop.
func goodAppend(n int) []*http.Client { // want goodAppend:`buildsPool\(http.Transport, returned\)`
	var out []*http.Client
	for i := 0; i < n; i++ {
		out = append(out, &http.Client{Transport: &http.Transport{}})
	}
	return out
}

// Lazy init of a variable declared before the loop.
func goodLazyLocal(urls []string) { // want goodLazyLocal:`buildsPool\(http.Transport\)`
	var c *http.Client
	for _, u := range urls {
		if c == nil {
			c = &http.Client{Transport: &http.Transport{}}
		}
		c.Get(u)
	}
}

// Sent to a consumer.
func goodSend(n int, out chan<- *http.Transport) {
	for i := 0; i < n; i++ {
		out <- &http.Transport{}
	}
}

func newClient() *http.Client { // want newClient:`buildsPool\(http.Transport, returned\)`
	return &http.Client{Transport: &http.Transport{}}
}

func badLoopHelper(urls []string) {
	for _, u := range urls {
		newClient().Get(u) // want `newClient builds a new http.Transport on every call, here per iteration of a loop`
	}
}

func goodLoopHelperKept(hosts []string) map[string]*http.Client {
	m := map[string]*http.Client{}
	for _, h := range hosts {
		m[h] = newClient()
	}
	return m
}

type service struct{ client *http.Client }

func (s *service) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// A set-up loop that hands each value to a function (here a router that
// keeps it) builds one pool per route, not per request.
func goodRegisterLoop(mux *http.ServeMux, paths []string) { // want goodRegisterLoop:`buildsPool\(http.Transport\)`
	for _, p := range paths {
		s := &service{client: &http.Client{Transport: &http.Transport{}}}
		mux.Handle(p, s)
	}
}

func deliver(c *http.Client, url string) error {
	_, err := c.Get(url)
	return err
}

// Handing the pool to a plain function of this package that only uses
// it still drops it at the end of the iteration.
func badDeliverLoop(urls []string) {
	for _, u := range urls {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created per iteration of a loop`
		deliver(c, u)
	}
}
