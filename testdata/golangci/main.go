// Command golangci-lint is golangci-lint v2 with the poollint module
// plugin compiled in: what `golangci-lint custom` would build from
// .custom-gcl.yml, built instead with plain `go build` so that CI needs
// only the Go module proxy (golangci-lint custom clones from GitHub).
//
// It lives in its own module so that golangci-lint never enters
// poollint's go.mod. analyzers/plugin/e2e_test.go builds and runs it.
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The plugin registers itself as "poollint".
	_ "github.com/poollint/poollint/analyzers/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-poollint", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
