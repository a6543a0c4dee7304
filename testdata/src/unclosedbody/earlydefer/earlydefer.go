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
