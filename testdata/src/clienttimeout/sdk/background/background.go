// Package background: the twin of sdk/good whose SDK calls pass
// context.Background(): nothing bounds them (argo notifications-engine's
// GitHub notifier), so the client handed to the SDK is reported.
package background

import (
	"context"
	"net/http"

	"github.com/google/go-github/v56/github"
)

type Notifier struct {
	client *github.Client
	org    string
}

func NewNotifier(t http.RoundTripper) *Notifier {
	return &Notifier{client: github.NewClient(&http.Client{Transport: t})} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
}

func (n *Notifier) Send(name string) error {
	_, _, err := n.client.Actions.GetOrgSecret(context.Background(), n.org, name)
	return err
}

func (n *Notifier) Repo(ctx context.Context, repo string) error {
	_, _, err := n.client.Repositories.Get(ctx, n.org, repo)
	return err
}
