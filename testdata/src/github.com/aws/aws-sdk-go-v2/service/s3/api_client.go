// Package s3 is a minimal stub of
// github.com/aws/aws-sdk-go-v2/service/s3.
package s3

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type Options struct {
	Region     string
	HTTPClient HTTPClient
}

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return nil }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return nil }

func (c *Client) Options() Options { return c.options }

type GetObjectInput struct{ Key *string }

type GetObjectOutput struct{}

func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return nil, nil
}

type PresignOptions struct{}

type PresignClient struct{ client *Client }

// NewPresignClient wraps a client: it builds no transport.
func NewPresignClient(c *Client, optFns ...func(*PresignOptions)) *PresignClient { return nil }
