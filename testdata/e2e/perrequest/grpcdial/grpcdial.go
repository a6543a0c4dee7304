// Package grpcdial calls a gRPC service with the real google.golang.org/grpc:
// a *grpc.ClientConn is an HTTP/2 connection pool.
package grpcdial

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
)

type API struct {
	conn *grpc.ClientConn
}

// NewAPI dials once; the connection is kept for the API's lifetime.
func NewAPI(target string) (*API, error) {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &API{conn: conn}, nil
}

func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/bad", a.bad)
	mux.HandleFunc("/good", a.good)
}

func (a *API) bad(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.NewClient("dns:///health:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient called per request in handler \(\*API\).bad; build it once and reuse it`
	if err != nil {
		return
	}
	defer conn.Close()
	grpc_health_v1.NewHealthClient(conn).Check(r.Context(), &grpc_health_v1.HealthCheckRequest{})
}

func (a *API) good(w http.ResponseWriter, r *http.Request) {
	grpc_health_v1.NewHealthClient(a.conn).Check(r.Context(), &grpc_health_v1.HealthCheckRequest{})
}

// check dials, calls and closes: every call pays TCP, TLS and HTTP/2 set-up.
func check(ctx context.Context, target string) error {
	conn, err := grpc.DialContext(ctx, target, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.DialContext called per call of check and dropped after use, and check runs per request in handler \(\*API\).badCheck; build it once, outside check, and reuse it`
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = grpc_health_v1.NewHealthClient(conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{})
	return err
}

func (a *API) badCheck(w http.ResponseWriter, r *http.Request) {
	check(r.Context(), "health:443") // in check's finding: the same connection
}
