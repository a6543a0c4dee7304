// Package sdkgood: a client handed to the real go-github (v74: NewClient(*http.Client)), whose every
// call in the package takes the caller's context, is bounded by it.
package sdkgood

import (
	"context"
	"net/http"

	"github.com/google/go-github/v74/github"
)

type Provider struct {
	transport http.RoundTripper
	actions   github.ActionsService
	org       string
}

func (p *Provider) auth() *github.Client {
	return github.NewClient(&http.Client{Transport: p.transport})
}

func NewProvider(ctx context.Context, t http.RoundTripper, org, repo string) (*Provider, error) {
	p := &Provider{transport: t, org: org}
	client := p.auth()
	p.actions = *client.Actions
	if _, _, err := client.Repositories.Get(ctx, org, repo); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Provider) Secret(ctx context.Context, name string) (*github.Secret, error) {
	s, _, err := p.actions.GetOrgSecret(ctx, p.org, name)
	return s, err
}
