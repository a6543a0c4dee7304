package main

import "testing"

// A test that calls fetch does not make fetch run per request.
func TestFetch(t *testing.T) { fetch("http://localhost/") }
