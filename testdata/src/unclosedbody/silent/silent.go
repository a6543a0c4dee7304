package silent

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
)

func goodRecorder(h http.Handler, r *http.Request) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	resp := w.Result()
	return resp.StatusCode
}

func goodGorilla(url string) error {
	conn, resp, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		return err
	}
	_ = resp.StatusCode
	return conn.Close()
}

func goodGorillaContext(ctx context.Context, d *websocket.Dialer, url string) (*websocket.Conn, error) {
	conn, resp, err := d.DialContext(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	_ = resp.Header
	return conn, nil
}

func goodCoder(ctx context.Context, url string) (*coder.Conn, error) {
	conn, _, err := coder.Dial(ctx, url, nil)
	return conn, err
}

func goodResponseController(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.Flush()
}

func checker(want int) func(*http.Response) error {
	return func(resp *http.Response) error {
		if resp.StatusCode != want {
			return io.EOF
		}
		return nil
	}
}

func goodFuncReturningChecker() error {
	check := checker(200)
	_ = check
	return nil
}

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func goodMust(url string) []byte {
	resp := Must(http.Get(url))
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func badMust(url string) int {
	resp := Must(http.Get(url)) // want `response body is never closed`
	return resp.StatusCode
}
