package sarifmod

import "testing"

func TestUse(t *testing.T) {
	leak()
}
