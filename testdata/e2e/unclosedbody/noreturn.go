package bodydemo

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

// A path that ends in log.Fatal or os.Exit leaks nothing: the process
// is gone. Under go vet, poollint skips the standard library's facts, so
// this only stays silent because the body checkers know these functions
// by name.
func GoodFatalOnStatus(url string) []byte {
	resp, err := client.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
	case http.StatusNotFound:
		fmt.Fprintln(os.Stderr, "not found")
		os.Exit(2)
	default:
		log.Fatalf("status %s", resp.Status)
	}
	b, _ := io.ReadAll(resp.Body)
	return b
}

// The twin: the default branch logs and returns, so the body leaks
// on that return.
func BadPrintOnStatus(url string) []byte {
	resp, err := client.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		log.Fatal(err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
	default:
		log.Printf("status %s", resp.Status)
		return nil
	}
	b, _ := io.ReadAll(resp.Body)
	return b
}
