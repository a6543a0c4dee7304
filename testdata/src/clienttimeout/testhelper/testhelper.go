// Package testhelper: test support code outside _test.go files, in a
// function that takes a *testing.T (opensearch-go's
// testutil.WaitForCluster(t)), runs under go test: silent like a test
// file. The same code without the testing handle is reported.
package testhelper

import (
	"net/http"
	"testing"
)

func WaitForCluster(t *testing.T, u string) {
	t.Helper()
	c := &http.Client{}
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func WaitForServer(tb testing.TB, u string) {
	resp, err := http.DefaultClient.Get(u)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
}

func Ping(u string) error {
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
