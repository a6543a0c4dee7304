package plugin

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/poollint/poollint/analyzers"
	"github.com/poollint/poollint/analyzers/internal/testutil"
)

var updateExample = flag.Bool("update", false, "rewrite .golangci.example.yml from the analyzers' flags")

// exampleConfig renders .golangci.example.yml: every setting of the
// plugin with its default, from the analyzers' own flags.
func exampleConfig() string {
	var b strings.Builder
	b.WriteString(`# golangci-lint v2 configuration enabling the poollint module plugin, with
# every setting at its default. Build the linter with .custom-gcl.yml (see
# README.md, "golangci-lint").
#
# Generated from the analyzers' flags by
#   go test ./analyzers/plugin -run TestExampleConfig -update
# Each setting NAME.FLAG is the flag -NAME.FLAG of go vet -vettool=poollint.
version: "2"

linters:
  enable:
    - poollint
  settings:
    custom:
      poollint:
        type: module
        description: HTTP connection-pool mistakes
        original-url: github.com/poollint/poollint
        settings:
          # Run only these analyzers (go vet: -NAME). Empty: all of them.
          enable: []
          # Run all analyzers but these (go vet: -NAME=false).
          disable: []
`)
	for _, a := range analyzers.All() {
		fmt.Fprintf(&b, "          # %s: %s\n          %s:\n", a.Name, firstLine(a.Doc), a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(&b, "            # %s\n            %s: %s\n", f.Usage, f.Name, yamlValue(f))
		})
	}
	return b.String()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func yamlValue(f *flag.Flag) string {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool, int, int64, uint, uint64, float64:
			return f.DefValue
		}
	}
	return strconv.Quote(f.DefValue)
}

func TestExampleConfig(t *testing.T) {
	path := filepath.Join(testutil.Root(), ".golangci.example.yml")
	want := exampleConfig()
	got, err := os.ReadFile(path)
	if *updateExample {
		if string(got) != want {
			if err := os.WriteFile(path, []byte(want), 0o666); err != nil {
				t.Fatal(err)
			}
			t.Log(".golangci.example.yml updated")
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf(".golangci.example.yml is out of step with the analyzers' flags; run\n\tgo test ./analyzers/plugin -run TestExampleConfig -update")
	}
}
