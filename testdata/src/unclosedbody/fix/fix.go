package fix

import "net/http"

func badSimple(url string) (int, error) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badNoError(c *http.Client, req *http.Request) int {
	resp := must(c.Do(req)) // want `response body is never closed`
	return resp.StatusCode
}

func must(r *http.Response, err error) *http.Response {
	if err != nil {
		panic(err)
	}
	return r
}

func badNotSimple(url string, ok bool) int {
	if ok {
		resp, err := http.Get(url) // want `response body is never closed`
		if err != nil {
			return 0
		}
		return resp.StatusCode
	}
	return 0
}
