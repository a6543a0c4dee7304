// Package main is run with -commands: run-once code is reported too.
package main

import (
	"io"
	"net/http"
	"os"
)

func main() {
	fetch(os.Args[1])
}

func fetch(u string) {
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	resp, err := c.Get(u)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}
