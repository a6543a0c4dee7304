// Package github is a minimal stub of github.com/google/go-github/v92/github,
// whose NewClient takes functional options (WithHTTPClient).
package github

import (
	"context"
	"net/http"
)

type Client struct {
	Repositories *RepositoriesService
}

type clientOptions struct{ httpClient *http.Client }

type ClientOptionsFunc func(*clientOptions) error

func WithHTTPClient(httpClient *http.Client) ClientOptionsFunc {
	return func(o *clientOptions) error { o.httpClient = httpClient; return nil }
}

func NewClient(opts ...ClientOptionsFunc) (*Client, error) { return &Client{}, nil }

type Response struct{ *http.Response }

type Repository struct{ ID *int64 }

type RepositoriesService struct{}

func (s *RepositoriesService) Get(ctx context.Context, owner, repo string) (*Repository, *Response, error) {
	return nil, nil, nil
}
