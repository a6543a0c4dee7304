// Package roundtrip: like Client.Do, RoundTrip returns no response to
// close with a non-nil error.
package roundtrip

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

type logging struct{ next http.RoundTripper }

func (l logging) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := l.next.RoundTrip(req)
	log.Printf("%s %s %v", req.Method, req.URL, time.Since(start))
	if err != nil {
		return nil, fmt.Errorf("round trip: %w", err)
	}
	return resp, nil
}

type statusOnly struct{ next http.RoundTripper }

// goodStatus reads the status and closes the body on every path.
func goodStatus(t *http.Transport, req *http.Request) (int, error) {
	resp, err := t.RoundTrip(req)
	if err != nil {
		log.Printf("round trip %s: %v", req.URL, err)
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func goodErrorFirst(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req)
	switch {
	case err != nil:
		return 0, err
	case resp.StatusCode != http.StatusOK:
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	resp.Body.Close()
	return http.StatusOK, nil
}

// The twin: the non-200 path returns with the body open.
func badStatus(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want `response body is not closed on the path that returns here`
	switch {
	case err != nil:
		return 0, err
	case resp.StatusCode != http.StatusOK:
		return resp.StatusCode, nil
	}
	resp.Body.Close()
	return http.StatusOK, nil
}

// goproxy https.go:615: the error is a variable the closure captures;
// it still holds the call's error at the check.
func goodCapturedErr(rt http.RoundTripper, reqs []*http.Request) error {
	var err error
	handle := func(req *http.Request) bool {
		var resp *http.Response
		resp, err = rt.RoundTrip(req)
		if err != nil {
			log.Printf("round trip: %v", err)
			return false
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	for _, req := range reqs {
		if !handle(req) {
			break
		}
	}
	return err
}

// The twin: a status return before the close.
func badCapturedErr(rt http.RoundTripper, reqs []*http.Request) error {
	var err error
	handle := func(req *http.Request) bool {
		var resp *http.Response
		resp, err = rt.RoundTrip(req) // want `response body is not closed on the path that returns here`
		if err != nil {
			return false
		}
		if resp.StatusCode != http.StatusOK {
			return false
		}
		defer resp.Body.Close()
		return true
	}
	for _, req := range reqs {
		if !handle(req) {
			break
		}
	}
	return err
}
