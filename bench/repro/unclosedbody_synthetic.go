//go:build repro

// unclosedbody false positive, from k8s.io/client-go@v0.37.2
// rest/with_retry.go:173: a function that builds a synthetic
// *http.Response literal with no Body is treated as a response source.
// Only responses that come from a round trip (or from a function whose
// fact says it returns one) need closing.
package repro

import "net/http"

func retryAfterResponse() *http.Response {
	return &http.Response{
		StatusCode: http.StatusInternalServerError,
		Header:     http.Header{"Retry-After": []string{"1"}},
	}
}

func goodSyntheticResponse(err error) bool {
	var resp *http.Response
	if err != nil {
		resp = retryAfterResponse() // reported: "response body is never closed"
	}
	return resp != nil && resp.Header.Get("Retry-After") != ""
}
