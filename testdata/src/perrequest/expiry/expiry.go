// Package expiry rebuilds credentials (and the pool that fetches them)
// only near their expiry: once per lifetime, not per request
// (rolesanywhere's credential helper).
package expiry

import (
	"net/http"
	"time"
)

type Cred struct{ Expiration time.Time }

// generate builds a pool per call; who calls it decides how often. Its
// finding names the callers that run it again and again (the handler for
// "/bad" and badPoll's loop), not the guarded ones ("/creds", update).
func generate() Cred { // want generate:`buildsPool\(http.Transport\)`
	(&http.Client{Transport: &http.Transport{}}).Get("https://sts.example.com") // want `http.Transport created per call of generate and dropped after use, and generate runs per request in the handler for "/bad" and per iteration of a loop;`
	return Cred{Expiration: time.Now().Add(time.Hour)}
}

func serve() {
	var cred Cred
	// goodNearExpiry: rebuilt only when the credentials are about to expire.
	http.HandleFunc("/creds", func(w http.ResponseWriter, r *http.Request) {
		if time.Until(cred.Expiration) < 5*time.Minute {
			cred = generate()
		}
	})
	// badEveryRequest: the same handler without the expiry guard.
	http.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) {
		cred = generate() // badEveryRequest: in generate's finding
	})
	http.ListenAndServe(":8080", nil)
}

// update refreshes in a loop that sleeps until shortly before expiry.
func update() {
	for {
		c := generate()
		time.Sleep(time.Until(c.Expiration) - time.Minute)
	}
}

// badPoll rebuilds on a fixed period: no expiry in sight.
func badPoll() {
	for {
		generate() // badPoll: in generate's finding
		time.Sleep(time.Minute)
	}
}
