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

// dialWS wraps a gorilla dial, whose response needs no close, and
// follows a redirect by calling itself (nomad api's Client.websocket):
// every response it returns is the dialer's, so callers that drop it
// leak nothing.
func dialWS(d *websocket.Dialer, url string, depth int) (*websocket.Conn, *http.Response, error) {
	conn, resp, err := d.Dial(url, nil)
	if resp != nil && resp.StatusCode == http.StatusTemporaryRedirect && depth < 3 {
		return dialWS(d, resp.Header.Get("Location"), depth+1)
	}
	return conn, resp, err
}

func goodDialWSDiscard(d *websocket.Dialer, url string) (*websocket.Conn, error) {
	conn, _, err := dialWS(d, url, 0)
	return conn, err
}

// probeWS recurses the same way but, when the dial fails, falls back
// to a plain GET whose response it returns open.
func probeWS(d *websocket.Dialer, c *http.Client, url string, depth int) (*websocket.Conn, *http.Response, error) {
	conn, resp, err := d.Dial(url, nil)
	if resp != nil && resp.StatusCode == http.StatusTemporaryRedirect && depth < 3 {
		return probeWS(d, c, resp.Header.Get("Location"), depth+1)
	}
	if err != nil {
		get, gerr := c.Get(url)
		return nil, get, gerr
	}
	return conn, resp, nil
}

func badProbeWSDiscard(d *websocket.Dialer, c *http.Client, url string) (*websocket.Conn, error) {
	conn, _, err := probeWS(d, c, url, 0) // want `response is discarded, so its body is never closed`
	return conn, err
}
