// Package github is a minimal stub of github.com/google/go-github/v56/github:
// a client built from a caller's *http.Client whose service methods take a
// context.
package github

import (
	"context"
	"net/http"
)

type Client struct {
	Actions      *ActionsService
	Repositories *RepositoriesService
}

func NewClient(httpClient *http.Client) *Client { return &Client{} }

func (c *Client) WithEnterpriseURLs(baseURL, uploadURL string) (*Client, error) { return c, nil }

type Response struct{ *http.Response }

type Repository struct{ ID *int64 }

type Secret struct{ Name string }

type ActionsService struct{}

func (s *ActionsService) GetOrgSecret(ctx context.Context, org, name string) (*Secret, *Response, error) {
	return nil, nil, nil
}

type RepositoriesService struct{}

func (s *RepositoriesService) Get(ctx context.Context, owner, repo string) (*Repository, *Response, error) {
	return nil, nil, nil
}
