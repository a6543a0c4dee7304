package testfiles

import (
	"net/http"
	"testing"
)

func TestLoad(t *testing.T) {
	for range 50 {
		go http.Get(API + "ping") // a load test: not reported without -poolsize.tests
	}
}
