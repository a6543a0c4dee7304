// Command sarifcheck validates SARIF logs against the OASIS SARIF 2.1.0
// JSON schema (errata 01), vendored beside it as sarif-schema-2.1.0.json
// (the copy that github.com/owenrumney/go-sarif/v3 embeds).
//
//	sarifcheck FILE...
//
// It exits 0 when every file is valid and 1 otherwise, printing each
// violation. It lives in its own module so that poollint's go.mod stays
// free of test-only dependencies; cmd/poollint's tests build and run it.
package main

import (
	_ "embed"
	"fmt"
	"os"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed sarif-schema-2.1.0.json
var schemaJSON string

const schemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sarifcheck FILE...")
		os.Exit(2)
	}
	schema, err := compile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarifcheck: schema:", err)
		os.Exit(2)
	}
	failed := false
	for _, name := range os.Args[1:] {
		if err := check(schema, name); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func compile() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "uri", "uri-reference", "date-time" are checked too
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
}

func check(schema *jsonschema.Schema, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return err
	}
	return schema.Validate(v)
}
