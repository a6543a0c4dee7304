// Package good: a client handed to an SDK constructor
// (github.NewClient) whose every call in the package takes the caller's
// context is bounded by it (external-secrets' GitHub provider: the
// client is returned from AuthWithPrivateKey, and every SDK call takes
// the reconcile ctx).
package good

import (
	"context"
	"net/http"

	"github.com/google/go-github/v56/github"
)

type Provider struct {
	transport  http.RoundTripper
	baseClient github.ActionsService
	org, repo  string
	repoID     int64
}

func (p *Provider) AuthWithPrivateKey(ctx context.Context) (*github.Client, error) {
	client := github.NewClient(&http.Client{Transport: p.transport})
	return client, nil
}

func newProvider(ctx context.Context, t http.RoundTripper) (*Provider, error) {
	p := &Provider{transport: t}
	client, err := p.AuthWithPrivateKey(ctx)
	if err != nil {
		return nil, err
	}
	p.baseClient = *client.Actions
	repo, _, err := client.Repositories.Get(ctx, p.org, p.repo)
	if err != nil {
		return nil, err
	}
	p.repoID = *repo.ID
	return p, nil
}

func (p *Provider) GetSecret(ctx context.Context, name string) (*github.Secret, error) {
	s, _, err := p.baseClient.GetOrgSecret(ctx, p.org, name)
	return s, err
}

// A client kept in a variable first, then handed on.
func enterprise(ctx context.Context, t http.RoundTripper) (*github.Client, error) {
	hc := &http.Client{Transport: t}
	return github.NewClient(hc).WithEnterpriseURLs("https://ghe.example.com/", "")
}

var _ = newProvider
