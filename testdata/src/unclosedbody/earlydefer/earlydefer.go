// Package earlydefer: defer resp.Body.Close() before the error check.
// When the request fails, resp is nil and the deferred call panics
// (shoutrrr's zulip service, found by reading the application corpus).
package earlydefer

import (
	"fmt"
	"log"
	"net/http"
)

func badDeferBeforeCheck(url string) error {
	resp, err := http.Get(url)
	defer resp.Body.Close() // want `resp.Body.Close is deferred before the error check, and resp is nil when the request fails`
	if err != nil {
		return err
	}
	return nil
}

func badStatusFoldedIntoErr(url string) error {
	resp, err := http.Post(url, "text/plain", nil)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close() // want `resp.Body.Close is deferred before the error check`
	if err != nil {
		return err
	}
	return nil
}

// shoutrrr's shape: the close in a deferred closure.
func badClosureBeforeCheck(url string) error {
	res, err := http.Post(url, "application/x-www-form-urlencoded", nil)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %s", res.Status)
	}
	defer func() { _ = res.Body.Close() }() // want `res.Body.Close is deferred before the error check`
	if err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return nil
}

func badLoggedNotReturned(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		log.Print(err)
	}
	defer resp.Body.Close() // want `resp.Body.Close is deferred before the error check`
	if err != nil {
		return err
	}
	return nil
}

func goodDeferAfterCheck(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func goodFatalGuard(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if err != nil { // never true here: a leftover check
		return 0
	}
	return resp.StatusCode
}

func goodNilGuardedDefer(url string) error {
	resp, err := http.Get(url)
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return err
	}
	return nil
}

func goodVarDecl(url string) error {
	var resp, err = http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}
