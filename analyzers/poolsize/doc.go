// Package poolsize defines an Analyzer that reports connection pools
// that keep fewer idle connections per host than the concurrency that
// sends through them to one host.
//
// # Analyzer poolsize
//
// poolsize: report connection pools smaller than the concurrency that sends through them to one host
//
// TODO
//
// BAD:
//
//	g.SetLimit(64)
//
// GOOD: size the pool.
//
//	t.MaxIdleConnsPerHost = 64
//
// Flags:
//
//	-poolsize.tests   also report in _test.go files (default false)
package poolsize
