// Package servers covers server concurrency: an HTTP handler and a gRPC
// method run once per request, concurrently; a Lambda handler runs one
// invocation at a time.
package servers

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"poolsize/servers/pb"
)

type Server struct {
	client   *http.Client
	sized    *http.Client
	upstream string
}

func NewServer() *Server {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 100
	return &Server{
		client:   &http.Client{Timeout: 5 * time.Second},
		sized:    &http.Client{Transport: t, Timeout: 5 * time.Second},
		upstream: "https://inventory.internal:8443",
	}
}

func (s *Server) badHandler(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Get(s.upstream + "/stock?sku=" + r.URL.Query().Get("sku")) // want `unbounded concurrent requests to one host \(one per request in handler \(\*Server\).badHandler\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, every connection beyond 2 is closed after each burst; use a transport with MaxIdleConnsPerHost set to the expected concurrency`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

func (s *Server) goodHandlerSized(w http.ResponseWriter, r *http.Request) {
	resp, err := s.sized.Get(s.upstream + "/stock?sku=" + r.URL.Query().Get("sku"))
	if err == nil {
		resp.Body.Close()
	}
}

func (s *Server) goodHandlerProxy(w http.ResponseWriter, r *http.Request) {
	// The target comes from the request: many hosts.
	resp, err := s.client.Get(r.URL.Query().Get("target"))
	if err == nil {
		resp.Body.Close()
	}
}

// Through a helper of the package: reported at the request, related to the handler.

func (s *Server) lookup(ctx context.Context, sku string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", s.upstream+"/stock/"+sku, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `unbounded concurrent requests to one host \(one per request in handler \(\*Server\).badViaHelper\) share http.DefaultTransport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Server) badViaHelper(w http.ResponseWriter, r *http.Request) {
	s.lookup(r.Context(), r.FormValue("sku"))
}

// gRPC: a method of a registered service.

type greeter struct {
	pb.UnimplementedGreeterServer
	client *http.Client
}

func newGreeter() *greeter { return &greeter{client: http.DefaultClient} }

func (g *greeter) SayHello(ctx context.Context, in *pb.HelloRequest) (*pb.HelloReply, error) {
	resp, err := g.client.Get("https://names.internal/v1/lookup") // want `unbounded concurrent requests to one host \(one per call in gRPC method \(\*greeter\).SayHello\) share http.DefaultTransport`
	if err == nil {
		resp.Body.Close()
	}
	return &pb.HelloReply{}, nil
}

// Lambda: one invocation at a time per execution environment.

var lambdaClient = &http.Client{Timeout: 5 * time.Second} // want lambdaClient:`clientPool\(2, http.DefaultTransport\)`

func goodLambdaHandler(ctx context.Context) error {
	resp, err := lambdaClient.Get("https://api.example.com/v1/ping")
	if err == nil {
		resp.Body.Close()
	}
	return err
}

func main() {
	lambda.Start(goodLambdaHandler)
}
