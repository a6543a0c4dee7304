// Package sdkbad: the twin of sdkgood whose go-github call passes
// context.Background(): nothing bounds it.
package sdkbad

import (
	"context"
	"net/http"

	"github.com/google/go-github/v74/github"
)

type Notifier struct {
	client *github.Client
	org    string
}

func NewNotifier(t http.RoundTripper, org string) *Notifier {
	return &Notifier{client: github.NewClient(&http.Client{Transport: t}), org: org} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
}

func (n *Notifier) Notify(name string) error {
	_, _, err := n.client.Actions.GetOrgSecret(context.Background(), n.org, name)
	return err
}
