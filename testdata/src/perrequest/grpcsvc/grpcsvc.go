// want package:"hasPoolBuilders"

// Package grpcsvc covers gRPC method roots: by embedding a generated
// Unimplemented*Server, and by registration.
package grpcsvc

import (
	"context"
	"net/http"

	"google.golang.org/grpc"

	"perrequest/grpcsvc/pb"
)

type greeter struct {
	pb.UnimplementedGreeterServer
	client *http.Client
}

func (g *greeter) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call in gRPC method \(\*greeter\).SayHello`
	return &pb.HelloReply{}, nil
}

// Not a service method: a helper on the same type, never called.
func (g *greeter) setup() {
	g.client = &http.Client{Transport: &http.Transport{}}
}

type store struct{ client *http.Client }

func (s *store) Put(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	_ = http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned per call in gRPC method \(\*store\).Put`
	return nil, nil
}

func (s *store) Get(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want Get:`buildsPool\(http.Transport\)`
	// Not part of StoreServer: not a registered method.
	_ = &http.Transport{}
	return nil, nil
}

type goodStore struct{ client *http.Client }

func (s *goodStore) Put(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	s.client.Get("https://example.com")
	return nil, nil
}

func serve() { // want serve:`buildsPool\(http.Transport\)`
	srv := grpc.NewServer()
	pb.RegisterGreeterServer(srv, &greeter{})
	pb.RegisterStoreServer(srv, &store{})
	pb.RegisterStoreServer(srv, &goodStore{client: &http.Client{Transport: &http.Transport{}}})
}

func authInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	_ = &http.Client{Transport: &http.Transport{}} // want `http.Transport created per call in gRPC interceptor authInterceptor`
	return handler(ctx, req)
}

var interceptorClient = &http.Client{Transport: &http.Transport{}}

func goodInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	interceptorClient.Get("https://auth.example.com")
	return handler(ctx, req)
}

func options() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.UnaryInterceptor(authInterceptor),
		grpc.UnaryInterceptor(goodInterceptor),
		grpc.UnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
			_ = new(http.Transport) // want `http.Transport created per call in a gRPC interceptor literal`
			return handler(ctx, req)
		}),
	}
}
