// Package helperuse sets timeouts through helpers in another package.
package helperuse

import (
	"net/http"

	"clienttimeout/helperlib"
)

func goodHelperSetsTimeout() *http.Client {
	c := &http.Client{}
	helperlib.Standard(c)
	return c
}

func badHelperOnlyReads() *http.Client {
	c := &http.Client{} // want `^http\.Client literal has no Timeout`
	_ = helperlib.Name(c)
	return c
}

func goodZeroPassedToHelper() *http.Client {
	var c http.Client
	helperlib.WithTimeout(&c, 0)
	return &c
}

func goodLiteralPassedToHelper() {
	helperlib.Standard(&http.Client{})
}

func badLiteralPassedToReader() {
	_ = helperlib.Name(&http.Client{}) // want `^http\.Client literal has no Timeout`
}
