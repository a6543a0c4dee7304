// Package sdkoptions: the real go-github v92 takes the client through a
// functional option; its calls here take the caller's context, so the
// client is bounded. The twin passes context.TODO().
package sdkoptions

import (
	"context"
	"net/http"

	"github.com/google/go-github/v92/github"
)

func RepoID(ctx context.Context, t http.RoundTripper, owner, repo string) (int64, error) {
	gh, err := github.NewClient(github.WithHTTPClient(&http.Client{Transport: t}))
	if err != nil {
		return 0, err
	}
	r, _, err := gh.Repositories.Get(ctx, owner, repo)
	if err != nil {
		return 0, err
	}
	return r.GetID(), nil
}
