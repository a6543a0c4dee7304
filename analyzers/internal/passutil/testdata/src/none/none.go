// Package none reaches no pool package: fmt and strings only.
package none

import (
	"fmt"
	"strings"
)

func f() { fmt.Println(strings.ToUpper("x")) }
