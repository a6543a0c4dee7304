package testsflag

import (
	"net/http"
	"testing"
)

func TestLoad(t *testing.T) {
	for range 50 {
		go http.Get(API + "ping") // want `up to 50 concurrent requests to one host \(50 goroutines started in a loop\) share http.DefaultTransport`
	}
}
