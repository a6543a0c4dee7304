// Command poolsize-exp measures what poolsize's findings cost: how many
// new TCP connections a client opens per 1000 requests when N goroutines
// send to one host through a pool that keeps 2 idle connections per host
// (http.DefaultTransport's setting) and through one sized to N.
//
// It runs on loopback only (an httptest server), sends a fixed number of
// requests per run and stops by itself:
//
//	go run ./poolsize-exp            # from bench/
//	go run ./poolsize-exp -requests 4000 -n 8,32,64
//
// Two load shapes: "bursts" (N requests start together, all finish,
// repeat: a fan-out per batch) and "steady" (N workers send back to
// back). New connections are counted by the server (ConnState StateNew).
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	requests := flag.Int("requests", 2000, "requests per run")
	ns := flag.String("n", "8,32,64", "concurrency levels")
	flag.Parse()

	var newConns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond) // a little work, so requests overlap
		io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			newConns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	fmt.Printf("%d requests per run, loopback HTTP/1.1, go %s\n\n", *requests, strings.TrimPrefix(runtimeVersion(), "go"))
	fmt.Println("| load | N | MaxIdleConnsPerHost | new connections | per 1000 requests |")
	fmt.Println("|---|---:|---|---:|---:|")
	for _, s := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			log.Fatalf("bad -n entry %q", s)
		}
		for _, shape := range []string{"bursts", "steady"} {
			for _, sized := range []bool{false, true} {
				// A clone of DefaultTransport keeps its settings
				// (MaxIdleConnsPerHost 0, so 2 applies) without sharing
				// its idle connections between runs.
				t := http.DefaultTransport.(*http.Transport).Clone()
				label := "2 (default)"
				if sized {
					t.MaxIdleConnsPerHost = n
					label = strconv.Itoa(n)
				}
				c := &http.Client{Transport: t, Timeout: 10 * time.Second}
				before := newConns.Load()
				if shape == "bursts" {
					bursts(c, srv.URL, n, *requests)
				} else {
					steady(c, srv.URL, n, *requests)
				}
				t.CloseIdleConnections()
				got := newConns.Load() - before
				fmt.Printf("| %s | %d | %s | %d | %.0f |\n", shape, n, label, got, float64(got)*1000/float64(*requests))
			}
		}
	}
}

// get sends one request and reads the body to EOF, so the connection
// can go back to the pool.
func get(c *http.Client, url string) {
	resp, err := c.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// bursts sends total requests in batches of n concurrent ones.
func bursts(c *http.Client, url string, n, total int) {
	for sent := 0; sent < total; sent += n {
		var wg sync.WaitGroup
		for range min(n, total-sent) {
			wg.Go(func() { get(c, url) })
		}
		wg.Wait()
	}
}

// steady sends total requests from n workers, back to back.
func steady(c *http.Client, url string, n, total int) {
	jobs := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for range jobs {
				get(c, url)
			}
		})
	}
	for range total {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
}

func runtimeVersion() string { return runtime.Version() }
