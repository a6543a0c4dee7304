// Package funcopt: a client handed to an SDK through a functional
// option of the SDK (github.NewClient(github.WithHTTPClient(hc)) in
// go-github v92) is handed to the SDK: its calls here take the caller's
// context, so it is bounded.
package funcopt

import (
	"context"
	"net/http"

	"github.com/google/go-github/v92/github"
)

func repoID(ctx context.Context, t http.RoundTripper, owner, repo string) (int64, error) {
	gh, err := github.NewClient(github.WithHTTPClient(&http.Client{Transport: t}))
	if err != nil {
		return 0, err
	}
	r, _, err := gh.Repositories.Get(ctx, owner, repo)
	if err != nil {
		return 0, err
	}
	return *r.ID, nil
}

var _ = repoID
