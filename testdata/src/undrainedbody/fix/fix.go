package fix

import (
	"encoding/json"
	"net/http"
)

func badDefer(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF`
	return json.NewDecoder(resp.Body).Decode(v)
}

func badClose(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close() // want `response body is closed before it is read to EOF`
	return resp.StatusCode
}
