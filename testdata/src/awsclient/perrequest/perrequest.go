// want package:"hasAWSBuilders"

// Package perrequest covers per-request paths other than Lambda: an
// HTTP handler, a goroutine it starts, and a loop body.
package perrequest

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Server struct {
	cfg aws.Config
	s3  *s3.Client
}

func (s *Server) badUpload(w http.ResponseWriter, r *http.Request) {
	c := s3.NewFromConfig(s.cfg) // want `s3.NewFromConfig called per request in handler \(\*Server\).badUpload; build the client once and reuse it`
	c.GetObject(r.Context(), &s3.GetObjectInput{})
	go func() {
		s3.NewFromConfig(s.cfg).GetObject(context.Background(), &s3.GetObjectInput{}) // want `s3.NewFromConfig called per request in handler \(\*Server\).badUpload \(in a goroutine it starts\)`
	}()
}

func (s *Server) goodUpload(w http.ResponseWriter, r *http.Request) {
	s.s3.GetObject(r.Context(), &s3.GetObjectInput{})
	go func() {
		s.s3.GetObject(context.Background(), &s3.GetObjectInput{})
	}()
}

func badLoop(ctx context.Context, cfg aws.Config, keys []string) {
	for _, k := range keys {
		c := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per iteration of a loop; build the client once before the loop and reuse it`
		c.GetObject(ctx, &s3.GetObjectInput{Key: &k})
	}
}

// goodLoop builds one client per call, not per iteration: a builder,
// but silent here.
func goodLoop(ctx context.Context, cfg aws.Config, keys []string) { // want goodLoop:`buildsAWSClient\(s3.NewFromConfig\)`
	c := s3.NewFromConfig(cfg)
	for _, k := range keys {
		c.GetObject(ctx, &s3.GetObjectInput{Key: &k})
	}
}

// goodSetupLoop builds one client per region and keeps them all.
func goodSetupLoop(cfg aws.Config, regions []string) map[string]*s3.Client {
	m := make(map[string]*s3.Client)
	for _, r := range regions {
		m[r] = s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = r })
	}
	return m
}

func NewServer(cfg aws.Config) *Server { // want NewServer:`buildsAWSClient\(s3.NewFromConfig, returned\)`
	return &Server{cfg: cfg, s3: s3.NewFromConfig(cfg)}
}

func main() { // want main:`buildsAWSClient\(s3.NewFromConfig\)`
	s := NewServer(aws.Config{})
	http.HandleFunc("/bad", s.badUpload)
	http.HandleFunc("/good", s.goodUpload)
	http.ListenAndServe(":8080", nil)
}
