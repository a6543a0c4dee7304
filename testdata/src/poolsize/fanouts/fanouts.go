// Package fanouts covers every form of concurrency evidence: goroutines
// in a loop, errgroup Go and SetLimit, a semaphore channel, a worker
// pool, sync.WaitGroup.Go. Each bad case has a silent twin.
package fanouts

import (
	"context"
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

const api = "https://api.example.com/items/"

var sized = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}} // want sized:`clientPool\(64, an http.Transport with MaxIdleConnsPerHost 64\)`

// Goroutines in a range loop: one per item, unbounded.

func badGoPerItem(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() { // want `unbounded concurrent requests to one host \(one goroutine per item of the range loop\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, every connection beyond 2 is closed after each burst; use a transport with MaxIdleConnsPerHost set to the expected concurrency`
			defer wg.Done()
			resp, err := http.Get(api + id)
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

func goodSequential(ids []string) {
	for _, id := range ids {
		resp, err := http.Get(api + id)
		if err == nil {
			resp.Body.Close()
		}
	}
}

func goodWaitsEachIteration(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.Get(api + id)
		}()
		wg.Wait() // one at a time
	}
}

// A constant loop count.

func badEightGoroutines() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { // want `up to 8 concurrent requests to one host \(8 goroutines started in a loop\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, 6 connections are closed after each burst; use a transport with MaxIdleConnsPerHost ≥ 8`
			defer wg.Done()
			http.DefaultClient.Get(api + "ping")
		}()
	}
	wg.Wait()
}

func goodTwoGoroutines() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.DefaultClient.Get(api + "ping")
		}()
	}
	wg.Wait()
}

// errgroup: Go in a loop, SetLimit.

func badErrgroupLimit(ctx context.Context, ids []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	for _, id := range ids {
		g.Go(func() error { // want `up to 64 concurrent requests to one host \(SetLimit\(64\)\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, 62 connections are closed after each burst; use a transport with MaxIdleConnsPerHost ≥ 64`
			req, err := http.NewRequestWithContext(ctx, "GET", api+id, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func goodErrgroupSizedPool(ctx context.Context, ids []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	for _, id := range ids {
		g.Go(func() error {
			req, err := http.NewRequestWithContext(ctx, "GET", api+id, nil)
			if err != nil {
				return err
			}
			resp, err := sized.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func goodErrgroupLimitFits(ids []string) error {
	var g errgroup.Group
	g.SetLimit(2)
	for _, id := range ids {
		g.Go(func() error {
			_, err := http.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

func goodErrgroupConfiguredLimit(ids []string, n int) error {
	// A limit we cannot read may be small: silent.
	var g errgroup.Group
	g.SetLimit(n)
	for _, id := range ids {
		g.Go(func() error {
			_, err := http.Get(api + id)
			return err
		})
	}
	return g.Wait()
}

// A semaphore channel.

func badSemaphore(ids []string) {
	sem := make(chan struct{}, 16)
	for _, id := range ids {
		sem <- struct{}{}
		go func() { // want `up to 16 concurrent requests to one host \(a semaphore of capacity 16\) share http.DefaultTransport`
			defer func() { <-sem }()
			http.Get(api + id)
		}()
	}
}

func goodSemaphoreOfTwo(ids []string) {
	sem := make(chan struct{}, 2)
	for _, id := range ids {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			http.Get(api + id)
		}()
	}
}

// A worker pool: n goroutines reading one channel.

func badWorkers(jobs <-chan string) {
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() { // want `up to 10 concurrent requests to one host \(a pool of 10 workers\) share http.DefaultTransport`
			defer wg.Done()
			for id := range jobs {
				http.Get(api + id)
			}
		}()
	}
	wg.Wait()
}

func goodWorkersSized(jobs <-chan string) {
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				sized.Get(api + id)
			}
		}()
	}
	wg.Wait()
}

// sync.WaitGroup.Go in a loop.

func badWaitGroupGo(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() { // want `unbounded concurrent requests to one host \(one goroutine per item of the range loop\) share http.DefaultTransport`
			http.Post(api+id, "text/plain", nil)
		})
	}
	wg.Wait()
}

func goodWaitGroupGoOnce() {
	var wg sync.WaitGroup
	wg.Go(func() { http.Get(api + "ping") }) // one goroutine, no loop
	wg.Wait()
}

// go f(x): a named function started per item.

func fetch(id string) {
	http.Get(api + id)
}

func badGoNamed(ids []string) {
	for _, id := range ids {
		go fetch(id) // want `unbounded concurrent requests to one host \(one goroutine per item of the range loop\) share http.DefaultTransport`
	}
}

func fetchURL(u string) {
	http.Get(u)
}

func goodGoNamedManyHosts(urls []string) {
	for _, u := range urls {
		go fetchURL(u) // each URL is its own host
	}
}

// A literal list: as many goroutines as elements.

func badLiteralList() {
	for _, p := range []string{"a", "b", "c", "d"} {
		go http.Get(api + p) // want `up to 4 concurrent requests to one host \(4 goroutines started in a loop\)`
	}
}

func goodLiteralPair() {
	for _, p := range []string{"a", "b"} {
		go http.Get(api + p)
	}
}

// An x/sync semaphore.

func badWeighted(ctx context.Context, ids []string) {
	sem := semaphore.NewWeighted(24)
	for _, id := range ids {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() { // want `up to 24 concurrent requests to one host \(a semaphore of capacity 24\) share http.DefaultTransport`
			defer sem.Release(1)
			http.Get(api + id)
		}()
	}
}

func goodWeightedOfTwo(ctx context.Context, ids []string) {
	sem := semaphore.NewWeighted(2)
	for _, id := range ids {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() {
			defer sem.Release(1)
			http.Get(api + id)
		}()
	}
}
