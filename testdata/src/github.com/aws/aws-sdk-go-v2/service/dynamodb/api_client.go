// Package dynamodb is a minimal stub of
// github.com/aws/aws-sdk-go-v2/service/dynamodb.
package dynamodb

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

type GetItemInput struct{ Key *string }

type GetItemOutput struct{}

func (c *Client) GetItem(ctx context.Context, params *GetItemInput, optFns ...func(*Options)) (*GetItemOutput, error) {
	return nil, nil
}
