// Package noreturn: a path that ends in a call that never returns (a
// helper, in this package or another, that ends the process) leaks
// nothing. The graphs know such helpers from NeverReturns facts.
package noreturn

import (
	"fmt"
	"io"
	"net/http"
	"os"

	"unclosedbody/noreturn/die"
)

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(2)
}

func goodLocalHelper(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		fail(err.Error())
	}
	if resp.StatusCode != http.StatusOK {
		fail(resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func goodOtherPackage(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		die.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		die.Exitf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func badHelperReturns(url string) []byte {
	resp, err := http.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		die.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		die.Warn(fmt.Errorf("status %s", resp.Status))
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func badConditionalHelper(url string) []byte {
	resp, err := http.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		die.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		die.FatalIf(nil)
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}
