// Package aws is a minimal stub of github.com/aws/aws-sdk-go/aws.
package aws

import (
	"context"
	"net/http"
)

type Context = context.Context

type Config struct {
	Region     *string
	HTTPClient *http.Client
}

func NewConfig() *Config { return &Config{} }

func (c *Config) WithRegion(region string) *Config { return c }

func String(v string) *string { return &v }
