// Package testfiles checks that _test.go files are skipped by default.
package testfiles

import "net/http"

func badLoop(urls []string) {
	for _, u := range urls {
		(&http.Client{Transport: &http.Transport{}}).Get(u) // want `http.Transport created per iteration of a loop`
	}
}
