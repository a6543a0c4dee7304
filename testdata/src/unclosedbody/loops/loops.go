package loops

import (
	"net/http"
	"time"
)

func badRetryContinue(url string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url) // want `response body is not closed on the path that continues the loop here, and resp is overwritten in the next iteration; close it before continuing`
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func goodRetryContinue(url string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url)
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

func badReassignedInLoop(urls []string) {
	var resp *http.Response
	var err error
	for _, u := range urls {
		resp, err = http.Get(u) // want `response body is not closed before resp is overwritten in the next loop iteration`
		if err != nil {
			return
		}
		_ = resp.StatusCode
	}
	if resp != nil {
		resp.Body.Close()
	}
}

func goodReassignedInLoop(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

func goodRetryBreak(url string) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = http.Get(url)
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func badRetryBreakOnStatus(url string) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = http.Get(url) // want `response body is not closed before resp is overwritten in the next loop iteration`
		if err == nil && resp.StatusCode < 500 {
			break
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func goodDeferInLoop(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close()
	}
}
