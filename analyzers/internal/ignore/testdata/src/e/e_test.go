package e

import "testing"

// With -unclosedbody.tests on, test files are checked, and so are directives.
func TestStale(t *testing.T) {
	_ = 1          //poollint:ignore unclosedbody nothing here // want "suppresses no unclosedbody finding"
	unclosedbody() //poollint:ignore unclosedbody used
}
