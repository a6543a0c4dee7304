// Package die has helpers that never return (they end the process),
// and one that looks alike but returns. It does not import net/http.
package die

import (
	"fmt"
	"log"
	"os"
)

func Fatal(err error) { // want Fatal:"neverReturns"
	log.Fatal(err)
}

// Exitf ends the process through another helper of this package.
func Exitf(format string, args ...any) { // want Exitf:"neverReturns"
	fmt.Fprintf(os.Stderr, format, args...)
	exit(1)
}

func exit(code int) { // want exit:"neverReturns"
	os.Exit(code)
}

// Warn logs and returns.
func Warn(err error) {
	if err == nil {
		return
	}
	log.Print(err)
}

// FatalIf returns when err is nil.
func FatalIf(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
