// Package testsonly has a transport literal only in its test file,
// which is skipped by default.
package testsonly

import "net/http"

func goodProduction() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 10
	return t
}
