package basic

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

var client = &http.Client{}

func badStatusOnly(url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	_, err = io.ReadAll(resp.Body)
	return err
}

func goodStatusDrained(url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("status %s", resp.Status)
	}
	_, err = io.ReadAll(resp.Body)
	return err
}

func badJSONDecode(url string, v any) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	return json.NewDecoder(resp.Body).Decode(v)
}

func goodJSONDecodeThenDrain(url string, v any) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return json.NewDecoder(resp.Body).Decode(v)
}

func badExplicitClose(url string) (int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close() // want `response body is closed before it is read to EOF, so the connection cannot be reused`
	return resp.StatusCode, nil
}

func goodReadAllThenClose(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return b, err
}

func goodHead(url string) (int, error) {
	resp, err := client.Head(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func goodHeadRequest(url string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func badGetRequest(url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF`
	return resp.StatusCode, nil
}

func consume(r io.Reader) error { _, err := io.Copy(io.Discard, r); return err }

func goodHandedOn(url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return consume(resp.Body)
}

func goodScanner(url string) (n int, err error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func goodReturned(url string) (*http.Response, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func goodErrorPath(url string) error {
	resp, err := client.Get(url)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return errors.New("x")
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

// A 304 or 204 response has no body (http.NoBody): closing it unread
// costs nothing.
func goodNotModifiedUnread(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified || resp.StatusCode == http.StatusNoContent {
		return nil, nil
	}
	return io.ReadAll(resp.Body)
}

// The twin: a 404 has a body, left unread.
func badNotFoundUnread(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	if resp.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	return io.ReadAll(resp.Body)
}

// execute reads the body, closes it and puts an in-memory copy in its
// place (openapi-generator's Execute): the caller's body is no
// connection, and closing it unread costs nothing.
func execute(req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil || resp == nil {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, err
}

func goodInMemoryBodyUnread(req *http.Request) (int, error) {
	resp, err := execute(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// send returns the live response.
func send(req *http.Request) (*http.Response, error) {
	return client.Do(req)
}

// The twin: a live body closed unread.
func badLiveBodyUnread(req *http.Request) (int, error) {
	resp, err := send(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close() // want `response body is closed before it is read to EOF on the path that returns here`
	return resp.StatusCode, nil
}
