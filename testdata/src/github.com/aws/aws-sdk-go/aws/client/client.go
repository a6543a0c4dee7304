// Package client is a minimal stub of github.com/aws/aws-sdk-go/aws/client.
package client

import "github.com/aws/aws-sdk-go/aws"

type Config struct {
	Config *aws.Config
}

type ConfigProvider interface {
	ClientConfig(serviceName string, cfgs ...*aws.Config) Config
}

type Client struct{ Config aws.Config }
