// Package grpc is a minimal stub of google.golang.org/grpc.
package grpc

import "context"

type ServiceDesc struct{ ServiceName string }

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer() *Server                                      { return &Server{} }
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}

type UnaryServerInfo struct{ FullMethod string }

type UnaryHandler func(ctx context.Context, req any) (any, error)

type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (any, error)

type ServerOption interface{}

func UnaryInterceptor(i UnaryServerInterceptor) ServerOption { return nil }
