// Package http is a minimal stub of
// github.com/aws/aws-sdk-go-v2/aws/transport/http.
package http

import (
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type BuildableClient struct{}

func NewBuildableClient() *BuildableClient { return &BuildableClient{} }

func (b *BuildableClient) Do(req *http.Request) (*http.Response, error) { return nil, nil }

func (b *BuildableClient) WithTimeout(timeout time.Duration) *BuildableClient { return b }

func (b *BuildableClient) WithTransportOptions(opts ...func(*http.Transport)) *BuildableClient {
	return b
}

func (b *BuildableClient) Freeze() aws.HTTPClient { return nil }
