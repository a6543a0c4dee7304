// Package poolsizedemo runs poolsize on the real net/http,
// golang.org/x/sync/errgroup and aws-sdk-go-v2 (s3, feature/s3/manager,
// aws/transport/http).
package poolsizedemo

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/sync/errgroup"
)

const api = "https://api.example.com/v1/items/"

func badFanOut(ctx context.Context, ids []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	for _, id := range ids {
		g.Go(func() error { // want `up to 64 concurrent requests to one host \(SetLimit\(64\)\) share http.DefaultTransport, which keeps 2 idle connections per host: over HTTP/1.1, 62 connections are closed after each burst; use a transport with MaxIdleConnsPerHost ≥ 64`
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+id, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func goodSizedFanOut(ctx context.Context, ids []string) error {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	client := &http.Client{Transport: t, Timeout: 30 * time.Second}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	for _, id := range ids {
		g.Go(func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+id, nil)
			if err != nil {
				return err
			}
			resp, err := client.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func goodManyHosts(ctx context.Context, urls []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	for _, u := range urls {
		g.Go(func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

func badS3FanOut(ctx context.Context, keys []string) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	for _, k := range keys {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share the s3 client's default HTTP client, which keeps 10 idle connections per host`
			_, err := client.PutObject(ctx, &s3.PutObjectInput{
				Bucket: aws.String("uploads"),
				Key:    aws.String(k),
				Body:   strings.NewReader(k),
			})
			return err
		})
	}
	return g.Wait()
}

func goodS3Sized(ctx context.Context, keys []string) error {
	hc := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = 32
	})
	cfg, err := config.LoadDefaultConfig(ctx, config.WithHTTPClient(hc))
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	for _, k := range keys {
		g.Go(func() error {
			_, err := client.PutObject(ctx, &s3.PutObjectInput{
				Bucket: aws.String("uploads"),
				Key:    aws.String(k),
				Body:   strings.NewReader(k),
			})
			return err
		})
	}
	return g.Wait()
}

func badUploader(ctx context.Context) (*manager.Uploader, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	client := s3.NewFromConfig(cfg)
	up := manager.NewUploader(client, func(u *manager.Uploader) { u.Concurrency = 16 }) // want `up to 16 concurrent part uploads to one bucket \(Concurrency 16\) share the s3 client's default HTTP client, which keeps 10 idle connections per host`
	return up, nil
}

func goodUploaderDefault(ctx context.Context) (*manager.Uploader, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	up := manager.NewUploader(s3.NewFromConfig(cfg)) // 5 parts at a time fit the SDK's 10
	return up, nil
}

type proxy struct{ upstream string }

func (p *proxy) badHandler(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get(p.upstream + "/v1/status") // want `unbounded concurrent requests to one host \(one per request in handler \(\*proxy\).badHandler\) share http.DefaultTransport`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}
