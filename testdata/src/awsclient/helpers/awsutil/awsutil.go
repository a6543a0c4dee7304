// Package awsutil is a library whose builders other packages call.
package awsutil // want package:"hasAWSBuilders"

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// NewS3 loads a config and builds a client on every call.
func NewS3(ctx context.Context) (*s3.Client, error) { // want NewS3:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// S3From builds a client from a given config on every call.
func S3From(cfg aws.Config) *s3.Client { // want S3From:`buildsAWSClient\(s3.NewFromConfig, returned\)`
	return s3.NewFromConfig(cfg)
}

// Put builds and drops a client on every call.
func Put(ctx context.Context, cfg aws.Config, key string) error { // want Put:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

var (
	once   sync.Once
	shared *s3.Client
)

// Shared builds its client once: not a builder.
func Shared(cfg aws.Config) *s3.Client {
	once.Do(func() { shared = s3.NewFromConfig(cfg) })
	return shared
}

// Region only reads the config: not a builder.
func Region(cfg aws.Config) string { return cfg.Region }
