// Package aws is a minimal stub of github.com/aws/aws-sdk-go-v2/aws:
// only the signatures poollint matches.
package aws

import "net/http"

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type DefaultsMode string

const DefaultsModeLegacy DefaultsMode = "legacy"

type Config struct {
	Region       string
	HTTPClient   HTTPClient
	DefaultsMode DefaultsMode
}

func String(v string) *string { return &v }
