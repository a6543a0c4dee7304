// Package sibling: a context-free convenience form beside its Context
// sibling is the API's convention, like http.Get.
package sibling

import (
	"context"
	"net/http"
	"strings"
)

// PostMessage posts msg; use PostMessageContext to bound it.
func PostMessage(url, msg string) error {
	return postMessageContext(context.Background(), http.DefaultClient, url, msg)
}

// PostMessageContext posts msg under ctx.
func PostMessageContext(ctx context.Context, url, msg string) error {
	return postMessageContext(ctx, http.DefaultClient, url, msg)
}

func postMessageContext(ctx context.Context, c *http.Client, url, msg string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(msg))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostAlert has no Context sibling: its callers cannot bound it.
func PostAlert(url, msg string) error {
	return postMessageContext(context.Background(), http.DefaultClient, url, msg) // want `^http\.DefaultClient has no Timeout`
}

// PostEvent's sibling takes no context: not the convention.
func PostEvent(url string) error {
	resp, err := http.Post(url, "text/plain", nil) // want `^http\.Post uses http\.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PostEventContext(url string) error { return nil }
