// want package:"hasPoolBuilders"

// Package grpcclient covers gRPC client connections: a *grpc.ClientConn
// is an HTTP/2 connection pool, so dialing one per request is building a
// pool per request.
package grpcclient

import (
	"context"
	"net/http"
	"sync"

	"google.golang.org/grpc"
)

type API struct {
	conn *grpc.ClientConn
	once sync.Once
	lazy *grpc.ClientConn
}

// NewAPI dials once and keeps the connection.
func NewAPI(target string) (*API, error) { // want NewAPI:`buildsPool\(grpc.NewClient, returned\)`
	conn, err := grpc.NewClient(target)
	if err != nil {
		return nil, err
	}
	return &API{conn: conn}, nil
}

func (a *API) badNewClient(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.NewClient("dns:///users:443") // want `grpc.NewClient called per request in handler \(\*API\).badNewClient; build it once and reuse it`
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Invoke(r.Context(), "/users.Users/Get", nil, nil)
}

func (a *API) badDial(w http.ResponseWriter, r *http.Request) {
	conn, _ := grpc.Dial("users:443") // want `grpc.Dial called per request in handler \(\*API\).badDial`
	conn.Invoke(r.Context(), "/users.Users/Get", nil, nil)
	conn.Close()
}

func (a *API) badDialContext(w http.ResponseWriter, r *http.Request) {
	conn, _ := dial(r.Context()) // want `dial builds a new grpc.ClientConn on every call, here per request in handler \(\*API\).badDialContext`
	conn.Invoke(r.Context(), "/users.Users/Get", nil, nil)
}

func dial(ctx context.Context) (*grpc.ClientConn, error) { // want dial:`buildsPool\(grpc.DialContext, returned\)`
	return grpc.DialContext(ctx, "users:443")
}

func (a *API) goodShared(w http.ResponseWriter, r *http.Request) {
	a.conn.Invoke(r.Context(), "/users.Users/Get", nil, nil)
}

func (a *API) goodLazy(w http.ResponseWriter, r *http.Request) {
	a.once.Do(func() { a.lazy, _ = grpc.NewClient("dns:///users:443") })
	a.lazy.Invoke(r.Context(), "/users.Users/Get", nil, nil)
}

func (a *API) routes(mux *http.ServeMux) {
	mux.HandleFunc("/a", a.badNewClient)
	mux.HandleFunc("/b", a.badDial)
	mux.HandleFunc("/c", a.badDialContext)
	mux.HandleFunc("/d", a.goodShared)
	mux.HandleFunc("/e", a.goodLazy)
}

// BadCheck dials, calls and closes: every call of it pays TCP, TLS and
// HTTP/2 set-up.
func BadCheck(ctx context.Context) error { // want BadCheck:`buildsPool\(grpc.NewClient\)`
	conn, err := grpc.NewClient("dns:///health:443") // want `grpc.NewClient called per call of BadCheck and dropped after use; build it once, outside BadCheck, and reuse it`
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Invoke(ctx, "/grpc.health.v1.Health/Check", nil, nil)
}

// GoodCheck uses the connection its caller keeps.
func GoodCheck(ctx context.Context, conn *grpc.ClientConn) error {
	return conn.Invoke(ctx, "/grpc.health.v1.Health/Check", nil, nil)
}
