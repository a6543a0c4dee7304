// Package viaapi uses a response body without importing net/http.
package viaapi // want "reaches"

import "lib"

func status(url string) int {
	resp, err := lib.Get(url)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	return resp.StatusCode
}
