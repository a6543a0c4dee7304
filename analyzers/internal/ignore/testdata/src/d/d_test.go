package d

import "testing"

// unclosedbody's -unclosedbody.tests is off: it looks at no test file, so a directive
// here is not checked (not reported as stale).
func TestStale(t *testing.T) {
	_ = 1 //poollint:ignore unclosedbody nothing here, unchecked
}
