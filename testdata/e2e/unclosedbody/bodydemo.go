// Package bodydemo shows response-body mistakes in plain net/http code,
// for the end-to-end test (go vet -vettool=poollint).
package bodydemo

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func BadStatusReturn(url string) ([]byte, error) {
	resp, err := client.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func GoodStatusReturn(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func BadRetry(url string) (*http.Response, error) {
	var lastErr error
	for range 3 {
		resp, err := client.Get(url) // want `response body is not closed on the path that continues the loop here`
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func GoodRetry(url string) (*http.Response, error) {
	var lastErr error
	for range 3 {
		resp, err := client.Get(url)
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func closeQuietly(c io.Closer) { _ = c.Close() }

func GoodHelperCloses(url string) (int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	defer closeQuietly(resp.Body)
	return resp.StatusCode, nil
}
