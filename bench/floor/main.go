// Command floor is the benchmark's baseline vet tool: it runs only
// x/tools' httpresponse analyzer, a near no-op on top of type checking,
// so `go vet -vettool=floor` costs what any vet tool must pay.
package main

import (
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() { unitchecker.Main(httpresponse.Analyzer) }
