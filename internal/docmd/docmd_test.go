package docmd

import "testing"

func TestMarkdown(t *testing.T) {
	doc := "summary line\n\nWhy it matters:\n\n  - first *T item\n    continued\n  - second\n\nBAD:\n\n\tfunc f() {\n\t\tx(*p)\n\n\t\ty()\n\t}\n\nGOOD: after.\n\n\tg()"
	want := "## name\n\nsummary line\n\nWhy it matters:\n\n- first \\*T item\n  continued\n- second\n\nBAD:\n\n```go\nfunc f() {\n\tx(*p)\n\n\ty()\n}\n```\n\nGOOD: after.\n\n```go\ng()\n```\n"
	if got := Markdown("name", doc, 2); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
	if got := Summary(doc); got != "summary line" {
		t.Errorf("Summary = %q", got)
	}
}
