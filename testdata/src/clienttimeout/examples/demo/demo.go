// Package main is an example program: its user runs it by hand and can
// interrupt it, so it is reported only with -commands.
package main

import "net/http"

func main() {
	resp, err := http.Get("https://example.com/profile?seconds=120")
	if err != nil {
		return
	}
	resp.Body.Close()
}
