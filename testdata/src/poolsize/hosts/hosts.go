// Package hosts covers one host against many: a constant URL, a base
// URL plus a path, fmt.Sprintf, url.JoinPath, a request built with
// http.NewRequest; and URLs that come from the work item.
package hosts

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

type Item struct {
	ID  string
	URL string
}

func badBaseFromParam(base string, items []Item) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // want `unbounded concurrent requests to one host`
			defer wg.Done()
			http.Get(base + "/items/" + it.ID)
		}()
	}
	wg.Wait()
}

func goodURLFromItem(items []Item) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // a crawler: each item names its own host
			defer wg.Done()
			http.Get(it.URL)
		}()
	}
	wg.Wait()
}

func badSprintf(items []Item) {
	for _, it := range items {
		go func() { // want `unbounded concurrent requests to one host`
			http.Get(fmt.Sprintf("https://api.example.com/items/%s", it.ID))
		}()
	}
}

func goodSprintfHostFromItem(hosts []string) {
	for _, h := range hosts {
		go func() {
			http.Get(fmt.Sprintf("https://%s/health", h))
		}()
	}
}

func badSprintfBase(base string, items []Item) {
	for _, it := range items {
		go func() { // want `unbounded concurrent requests to one host`
			http.Get(fmt.Sprintf("%s/items/%s", base, it.ID))
		}()
	}
}

func goodHostPrefixOnly(items []Item) {
	for _, it := range items {
		go func() { // the item completes the host name
			http.Get("https://" + it.ID + ".example.com/")
		}()
	}
}

func goodBaseWithoutSlash(base string, items []Item) {
	for _, it := range items {
		go func() { // base + id may change the host: not provably one host
			http.Get(base + it.ID)
		}()
	}
}

func badJoinPath(base string, items []Item) {
	for _, it := range items {
		go func() { // want `unbounded concurrent requests to one host`
			u, err := url.JoinPath(base, "items", it.ID)
			if err != nil {
				return
			}
			http.Get(u)
		}()
	}
}

func badNewRequest(base *url.URL, items []Item) {
	for _, it := range items {
		go func() { // want `unbounded concurrent requests to one host`
			req, err := http.NewRequest("GET", base.JoinPath("items", it.ID).String(), nil)
			if err != nil {
				return
			}
			http.DefaultClient.Do(req)
		}()
	}
}

func goodNewRequestFromItem(items []Item) {
	for _, it := range items {
		go func() {
			req, err := http.NewRequest("GET", it.URL, nil)
			if err != nil {
				return
			}
			http.DefaultClient.Do(req)
		}()
	}
}

func badLocalURL(items []Item) {
	for _, it := range items {
		go func() { // want `unbounded concurrent requests to one host`
			u := "https://api.example.com/items/" + it.ID
			http.Get(u)
		}()
	}
}

func goodReassignedInLoop(items []Item) {
	var u string
	for _, it := range items {
		u = it.URL
		go func(u string) {
			http.Get(u)
		}(u)
	}
}

func badGoArg(items []Item) {
	const base = "https://api.example.com/"
	for range items {
		go func(u string) { // want `unbounded concurrent requests to one host`
			http.Get(u)
		}(base + "ping")
	}
}
