// Package ifacegood: the twin of sdk/iface whose interface calls take
// the caller's context: bounded.
package ifacegood

import (
	"context"
	"net/http"

	"github.com/google/go-github/v56/github"
)

type repositoriesService interface {
	Get(ctx context.Context, owner, repo string) (*github.Repository, *github.Response, error)
}

type adapter struct{ client *github.Client }

func (a *adapter) repos() repositoriesService { return a.client.Repositories }

type Service struct{ a *adapter }

func New(t http.RoundTripper) *Service {
	client := github.NewClient(&http.Client{Transport: t})
	return &Service{a: &adapter{client: client}}
}

func (s *Service) Send(ctx context.Context, owner, repo string) error {
	_, _, err := s.a.repos().Get(ctx, owner, repo)
	return err
}
