// Package option: a client passed through an options struct to a
// function that hands it to an SDK constructor, whose calls take the
// caller's context (reviewdog doghouse/server: findInstallationID
// builds &http.Client{} for NewGitHubClient and calls
// appCli.Apps.FindUserInstallation(ctx, ...)).
package option

import (
	"context"
	"net/http"

	"github.com/google/go-github/v56/github"
)

type NewGitHubClientOption struct {
	PrivateKey []byte
	Client     *http.Client
}

func NewGitHubClient(ctx context.Context, opt *NewGitHubClientOption) (*github.Client, error) {
	client := opt.Client
	if client == nil {
		client = http.DefaultClient
	}
	return github.NewClient(client), nil
}

func findRepoID(ctx context.Context, owner, repo string, key []byte) (int64, error) {
	cli, err := NewGitHubClient(ctx, &NewGitHubClientOption{
		PrivateKey: key,
		Client:     &http.Client{},
	})
	if err != nil {
		return 0, err
	}
	r, _, err := cli.Repositories.Get(ctx, owner, repo)
	if err != nil {
		return 0, err
	}
	return *r.ID, nil
}

var _ = findRepoID
