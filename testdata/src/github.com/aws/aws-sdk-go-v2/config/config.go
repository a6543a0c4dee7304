// Package config is a minimal stub of github.com/aws/aws-sdk-go-v2/config.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct {
	Region     string
	HTTPClient aws.HTTPClient
}

type LoadOptionsFunc func(*LoadOptions) error

func WithRegion(v string) LoadOptionsFunc { return nil }

func WithHTTPClient(v aws.HTTPClient) LoadOptionsFunc { return nil }

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (cfg aws.Config, err error) {
	return aws.Config{}, nil
}
