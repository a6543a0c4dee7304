// Package issue47: bodyclose#47, httptest.ResponseRecorder.Result().
package issue47

import (
	"io"
	"net/http"
	"net/http/httptest"
)

func goodRecorder() {
	w := httptest.NewRecorder()
	resp := w.Result()
	defer func() {
		_ = resp.Body.Close()
	}()
	_, _ = io.ReadAll(resp.Body)
}

func goodRecorderNoClose() int {
	w := httptest.NewRecorder()
	return w.Result().StatusCode
}

func badRealServer(srv *httptest.Server) int {
	resp, err := srv.Client().Get(srv.URL) // want `response body is never closed`
	if err != nil {
		return 0
	}
	_ = http.StatusOK
	return resp.StatusCode
}
