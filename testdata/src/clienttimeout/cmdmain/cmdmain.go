// Package main: a run-once command. Code reached only from main can be
// interrupted by its user and is reported only with -commands; a
// handler the command serves runs per request and is reported.
package main

import (
	"io"
	"net/http"
	"os"
)

func main() {
	fetch(os.Args[1])
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("https://upstream.example.com/") // want `^http\.Get uses http\.DefaultClient`
		if err != nil {
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	http.ListenAndServe(":8080", nil)
}

func fetch(u string) {
	c := &http.Client{}
	resp, err := c.Get(u)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}

func serve(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://upstream.example.com/") // want `^http\.Get uses http\.DefaultClient`
	if err != nil {
		return
	}
	resp.Body.Close()
}

var _ = http.HandlerFunc(serve)
