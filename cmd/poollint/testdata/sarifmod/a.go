package sarifmod

func leak() {}

// Non-ASCII text before a finding: UTF-16 columns differ from bytes.
func use() { /* ü€😀 */ leak() }
