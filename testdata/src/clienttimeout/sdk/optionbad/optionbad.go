// Package optionbad: the twin of sdk/option whose SDK call passes
// context.TODO().
package optionbad

import (
	"context"
	"net/http"

	"github.com/google/go-github/v56/github"
)

type NewGitHubClientOption struct {
	Client *http.Client
}

func NewGitHubClient(opt *NewGitHubClientOption) *github.Client {
	return github.NewClient(opt.Client)
}

func findRepoID(owner, repo string) (int64, error) {
	cli := NewGitHubClient(&NewGitHubClientOption{
		Client: &http.Client{}, // want `^http\.Client literal has no Timeout`
	})
	r, _, err := cli.Repositories.Get(context.TODO(), owner, repo)
	if err != nil {
		return 0, err
	}
	return *r.ID, nil
}

var _ = findRepoID
