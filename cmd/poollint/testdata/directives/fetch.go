package main

import "net/http"

// fetch leaks its response and uses http.Get: clienttimeout and
// unclosedbody report the call, and the directive suppresses both. It
// also names undrainedbody, which is opt-in: a default run does not run
// it, so the directive is not stale for it (a run with
// -undrainedbody.enable finds nothing to suppress there and says so).
func fetch(url string) int {
	resp, err := http.Get(url) //poollint:ignore clienttimeout,unclosedbody,undrainedbody the process exits right after
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
