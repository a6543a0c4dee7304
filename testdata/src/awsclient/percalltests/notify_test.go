package percalltests

import (
	"context"
	"testing"
)

func TestNotify(t *testing.T) {
	n := &Notifier{bucket: "b"}
	if err := n.Notify(context.Background()); err != nil {
		t.Fatal(err)
	}
}
