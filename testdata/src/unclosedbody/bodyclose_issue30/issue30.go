// Package issue30: bodyclose#30, a health-check loop that closes the
// body through a helper on every branch.
package issue30

import (
	"io"
	"log"
	"net/http"
	"time"
)

func closeResponse(body io.ReadCloser) {
	if err := body.Close(); err != nil {
		log.Print(err)
	}
}

func goodIsAppReady(stop <-chan bool, url string) bool {
	ticker := time.NewTicker(time.Second)
	for {
		select {
		case <-stop:
			return false
		case <-ticker.C:
			response, err := http.Get(url)
			if err != nil {
				continue
			}
			if response.StatusCode == http.StatusOK {
				closeResponse(response.Body)
				return true
			}
			closeResponse(response.Body)
		}
	}
}

func badIsAppReadyForgetsOnSuccess(stop <-chan bool, url string) bool {
	ticker := time.NewTicker(time.Second)
	for {
		select {
		case <-stop:
			return false
		case <-ticker.C:
			response, err := http.Get(url) // want `response body is not closed on the path that returns here`
			if err != nil {
				continue
			}
			if response.StatusCode == http.StatusOK {
				return true
			}
			closeResponse(response.Body)
		}
	}
}
