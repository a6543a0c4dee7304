// Package realworld holds shapes found by running poollint on real
// modules; each false positive we had became a fixture here.
package realworld

import (
	"context"
	"errors"
	"net/http"
)

// Response wraps *http.Response, like go-github's github.Response.
type Response struct {
	*http.Response
	Rate int
}

func newResponse(r *http.Response) *Response {
	response := &Response{Response: r}
	return response
}

// go-github's bareDo (github.go): the raw response is wrapped before the
// error check and the wrapper is returned on every path. We reported it
// at first: the wrapper helper was not known to take ownership.
func goodBareDo(ctx context.Context, c *http.Client, req *http.Request) (*Response, error) {
	resp, err := c.Do(req)
	var response *Response
	if resp != nil {
		response = newResponse(resp)
	}
	if err != nil {
		select {
		case <-ctx.Done():
			return response, ctx.Err()
		default:
		}
		return response, err
	}
	if response.StatusCode >= 400 {
		defer resp.Body.Close()
		return response, errors.New("bad")
	}
	return response, nil
}

func summary(r *http.Response) int { return r.StatusCode }

func badSummaryIsNotAWrapper(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return summary(resp), nil
}

// resty's execute (client.go): the response is stored in a struct
// literal that is returned; bodyclose reports it, we must not.
type restyResponse struct {
	RawResponse *http.Response
}

func goodRestyExecute(c *http.Client, req *http.Request) (*restyResponse, error) {
	resp, err := c.Do(req)
	response := &restyResponse{RawResponse: resp}
	if err != nil {
		return response, err
	}
	return response, nil
}
