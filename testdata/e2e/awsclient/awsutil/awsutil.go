// Package awsutil is a helper library built on the real aws-sdk-go-v2.
package awsutil

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// NewDynamo loads a config and builds a client on every call.
func NewDynamo(ctx context.Context) (*dynamodb.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return dynamodb.NewFromConfig(cfg), nil
}

// Region only reads a config: it builds nothing.
func Region(cfg aws.Config) string { return cfg.Region }
