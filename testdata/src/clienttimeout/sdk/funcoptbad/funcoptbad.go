// Package funcoptbad: the twin of sdk/funcopt whose call passes
// context.Background().
package funcoptbad

import (
	"context"
	"net/http"

	"github.com/google/go-github/v92/github"
)

func repoID(t http.RoundTripper, owner, repo string) (int64, error) {
	gh, err := github.NewClient(github.WithHTTPClient(&http.Client{Transport: t})) // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
	if err != nil {
		return 0, err
	}
	r, _, err := gh.Repositories.Get(context.Background(), owner, repo)
	if err != nil {
		return 0, err
	}
	return *r.ID, nil
}

var _ = repoID
