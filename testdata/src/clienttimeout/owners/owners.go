// Package owners: sends through a struct field are judged for every
// client stored in it, except a send in a method only ever called on a
// local value whose struct literal holds another client
// (go-containerregistry remote: makeWriter's client serves methods
// that take the caller's context; CheckPushPermission's writer also
// sends cancelUpload without one). The client reached through an
// accessor (getClient, behind a lock) is followed through its calls.
package owners

import (
	"context"
	"net/http"
	"sync"
)

type writer struct {
	mu     sync.Mutex
	client *http.Client
}

func (w *writer) getClient() *http.Client {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.client
}

func makeWriter(t http.RoundTripper) *writer {
	return &writer{client: &http.Client{Transport: t}}
}

func (w *writer) upload(ctx context.Context, u string) error {
	req, err := http.NewRequest(http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := w.getClient().Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Write(ctx context.Context, t http.RoundTripper, u string) error {
	return makeWriter(t).upload(ctx, u)
}

// CheckPush's writer cancels without a context: its client is reported.
func CheckPush(t http.RoundTripper, u string) error {
	w := writer{client: &http.Client{Transport: t}} // want `^http\.Client literal has no Timeout`
	if err := w.upload(context.Background(), u); err != nil {
		return err
	}
	go w.cancel(u)
	return nil
}

func (w *writer) cancel(u string) {
	req, err := http.NewRequest(http.MethodDelete, u, nil)
	if err != nil {
		return
	}
	if resp, err := w.getClient().Do(req); err == nil {
		resp.Body.Close()
	}
}
