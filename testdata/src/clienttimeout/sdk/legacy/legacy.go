// Package legacy: an SDK call in its context-free form (Put beside
// PutContext) sends without a bound, so the client handed to the SDK is
// reported even though another call passes the caller's context; the
// context-free Region, which has no Context sibling, sends nothing.
package legacy

import (
	"context"
	"net/http"

	"clienttimeout/sdk/legacysdk"
)

type Store struct{ c *legacysdk.Client }

func NewStore() *Store {
	return &Store{c: legacysdk.New(&http.Client{})} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(Put takes no context, and ctx is in scope but not used for the request\)`
}

func (s *Store) Save(ctx context.Context, key string) error {
	if s.c.Region() == "" {
		return nil
	}
	if err := s.c.PutContext(ctx, key); err != nil {
		return err
	}
	return s.c.Put(key + ".bak")
}
