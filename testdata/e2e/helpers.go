// Package e2e holds helpers that the suites import as a dependency, not
// as a package under analysis. Under go vet their facts come from a
// dependency unit (VetxOnly), which the vet tool's fast path (export
// data only, cmd/poollint/units.go) must not take: the package reaches
// no net/http, yet bodyown exports facts about it that spare its
// importers a false "body never closed".
package e2e

import (
	"fmt"
	"io"
	"os"
)

// CloseQuietly closes c: a ClosesParam fact.
func CloseQuietly(c io.Closer) { _ = c.Close() }

// Die never returns: a NeverReturns fact.
func Die(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// Warn returns.
func Warn(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
