package bodydemo

// Exported for the external test package only: under go vet with
// tests off, poollint checks this package without its _test.go files
// and skips the external test package, which must not then fail to
// type-check for want of this name.
var StatusOf = statusOf
