// Package c is checked with a filtered analyzer named unclosedbody that
// reports calls to functions whose names start with "unclosedbody".
package c

func unclosedbodyLeak() {}

func bad() {
	unclosedbodyLeak() // want "unclosedbody call"
}

func goodSuppressed() {
	unclosedbodyLeak() //poollint:ignore unclosedbody,clienttimeout,undrainedbody closed by the caller
}

func badStale() {
	//poollint:ignore unclosedbody nothing to suppress // want "poollint:ignore suppresses no unclosedbody finding; remove the directive"
	println()
}

func goodOtherAnalyzer() {
	// Names another of poollint's analyzers, which did not run here: not
	// stale, and not unknown.
	//poollint:ignore perrequest built once at start-up
	println()
}

func badUnknown() {
	println() //poollint:ignore unclosedbdy typo // want `poollint:ignore names unknown analyzer "unclosedbdy" \(did you mean unclosedbody\?\); known analyzers: perrequest, awsclient`
}
