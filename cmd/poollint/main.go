// Command poollint finds HTTP connection-pool mistakes in Go code.
//
// It runs as a vet tool:
//
//	go vet -vettool=$(which poollint) ./...
//
// or standalone:
//
//	poollint [-json] [-fix] [-diff] ./...
//	poollint help [NAME]
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/poollint/poollint/analyzers"
)

func main() { multichecker.Main(analyzers.All()...) }
