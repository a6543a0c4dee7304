// Package iface: SDK calls made through an interface that the SDK's
// service type implements count as the SDK's calls (argo
// notifications-engine wraps go-github behind repositoriesService and
// calls CreateStatus(context.Background(), ...)): reported.
package iface

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
	client := github.NewClient(&http.Client{Transport: t}) // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
	return &Service{a: &adapter{client: client}}
}

func (s *Service) Send(owner, repo string) error {
	_, _, err := s.a.repos().Get(context.Background(), owner, repo)
	return err
}
