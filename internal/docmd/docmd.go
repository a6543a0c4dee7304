// Package docmd renders an analyzer's documentation (Analyzer.Doc, the
// text of its doc.go after the "# Analyzer NAME" heading) as Markdown,
// for the README and for SARIF rule help, so both say what
// "poollint help NAME" says.
package docmd

import (
	"fmt"
	"strings"
)

// Summary returns the first line of doc: the analyzer's one-line summary.
func Summary(doc string) string {
	first, _, _ := strings.Cut(doc, "\n")
	return strings.TrimSpace(first)
}

// Markdown renders doc as Markdown under a heading of the given level
// naming the analyzer. Go doc comment syntax maps onto Markdown as
// follows: tab-indented blocks become fenced Go code blocks, "  - " list
// items become "- " items, and paragraphs stay paragraphs. Text is not
// escaped, except for "*", which Go text uses for pointers and
// Markdown for emphasis (Register*Server ... Unimplemented*Server).
func Markdown(name, doc string, level int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), name)
	lines := strings.Split(strings.TrimSpace(doc), "\n")
	inCode := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		code := strings.HasPrefix(line, "\t")
		switch {
		case code && !inCode:
			b.WriteString("```go\n")
			inCode = true
		case !code && inCode && line == "" && nextIsCode(lines, i):
			b.WriteString("\n") // a blank line inside a code block
			continue
		case !code && inCode:
			b.WriteString("```\n")
			inCode = false
		}
		switch {
		case inCode:
			b.WriteString(strings.TrimPrefix(line, "\t"))
		case strings.HasPrefix(line, "  - "):
			b.WriteString("- " + escape(strings.TrimPrefix(line, "  - ")))
		case strings.HasPrefix(line, "    "): // continuation of a list item
			b.WriteString("  " + escape(strings.TrimLeft(line, " ")))
		default:
			b.WriteString(escape(line))
		}
		b.WriteString("\n")
	}
	if inCode {
		b.WriteString("```\n")
	}
	return b.String()
}

// nextIsCode reports whether the next non-blank line after i is code.
func nextIsCode(lines []string, i int) bool {
	for _, l := range lines[i+1:] {
		if l != "" {
			return strings.HasPrefix(l, "\t")
		}
	}
	return false
}

// escape keeps Markdown from reading prose asterisks as emphasis.
func escape(line string) string {
	return strings.ReplaceAll(line, "*", `\*`)
}
