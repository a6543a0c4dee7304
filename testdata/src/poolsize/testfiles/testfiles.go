// Package testfiles: fan-outs in _test.go files are skipped by default.
package testfiles

const API = "https://api.example.com/v1/"
