// Package analyzers assembles the poollint suite.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/poollint/poollint/analyzers/awsclient"
	"github.com/poollint/poollint/analyzers/clienttimeout"
	"github.com/poollint/poollint/analyzers/internal/ignore"
	"github.com/poollint/poollint/analyzers/perrequest"
	"github.com/poollint/poollint/analyzers/poolconfig"
	"github.com/poollint/poollint/analyzers/poolsize"
	"github.com/poollint/poollint/analyzers/unclosedbody"
	"github.com/poollint/poollint/analyzers/undrainedbody"
)

// All returns fresh instances of every poollint analyzer, in a fixed
// order. Each call returns new analyzers with their own flag values, so
// the vet tool, the golangci-lint plugin and tests never share state.
// Every finding passes through the //poollint:ignore filter.
func All() []*analysis.Analyzer {
	return ignore.Wrap(
		perrequest.New(),
		awsclient.New(),
		poolconfig.New(),
		poolsize.New(),
		clienttimeout.New(),
		unclosedbody.New(),
		undrainedbody.New(),
	)
}
