package bodydemo_test

import (
	"testing"

	bodydemo "example.com/e2e/unclosedbody"
)

func TestStatusOf(t *testing.T) {
	if got := bodydemo.StatusOf(nil); got != 0 {
		t.Fatal(got)
	}
}
