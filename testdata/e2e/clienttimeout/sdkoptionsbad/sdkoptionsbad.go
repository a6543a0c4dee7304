// Package sdkoptionsbad: the twin of sdkoptions whose go-github call
// passes context.TODO().
package sdkoptionsbad

import (
	"context"
	"net/http"

	"github.com/google/go-github/v92/github"
)

func RepoID(t http.RoundTripper, owner, repo string) (int64, error) {
	gh, err := github.NewClient(github.WithHTTPClient(&http.Client{Transport: t})) // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.TODO\(\), which has no deadline\)`
	if err != nil {
		return 0, err
	}
	r, _, err := gh.Repositories.Get(context.TODO(), owner, repo)
	if err != nil {
		return 0, err
	}
	return r.GetID(), nil
}
