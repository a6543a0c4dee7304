package reqpath

// The model's library knowledge that is matched by method name. Each
// entry says why it is there. Where the type is known (sync.Map,
// atomic.Value, atomic.Pointer) flow.go checks it by type first; these
// names cover caches of any type, so they only count on a receiver that
// outlives the scope (a field, a global, a value from outside), never
// on a value built in the function.

// cacheLookups are the methods whose comma-ok result is a cache lookup:
// `if c, ok := cache.Get(key); ok { return c }` before a construction
// memoizes it (memo.go). A comma-ok index into a map counts the same.
var cacheLookups = map[string]string{
	"Load":   "sync.Map.Load and typed sync.Map wrappers",
	"Get":    "LRU and TTL caches (hashicorp/golang-lru, patrickmn/go-cache, ristretto)",
	"Lookup": "registry-style caches keyed by name",
	"Peek":   "LRU caches that read without touching recency",
}

// keepMethods store their argument in their receiver: a pool handed to
// one on a long-lived receiver is kept, not dropped (flow.go).
var keepMethods = map[string]string{
	"Store":       "sync.Map-like caches",
	"LoadOrStore": "sync.Map-like caches",
	"Set":         "LRU/TTL caches and registries",
	"SetDefault":  "go-cache's Set with the default expiry",
	"Add":         "LRU caches (golang-lru Add)",
	"Put":         "pools and key-value caches",
	"Insert":      "ordered caches and trees",
	"Register":    "client registries (a pool per upstream, kept by name)",
}
