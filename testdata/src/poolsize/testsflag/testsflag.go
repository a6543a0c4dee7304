// Package testsflag: with -poolsize.tests, fan-outs in _test.go files
// are reported.
package testsflag

const API = "https://api.example.com/v1/"
