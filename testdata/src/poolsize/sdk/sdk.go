// Package sdk covers aws-sdk-go-v2 pools: a service client built without
// an HTTPClient keeps 10 idle connections per host; one built with
// awshttp.NewBuildableClient().WithTransportOptions keeps what it sets.
// And the s3 manager's part concurrency.
package sdk

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/sync/errgroup"
)

func badDefaultS3(ctx context.Context, keys []string) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	for _, k := range keys {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share the s3 client's default HTTP client, which keeps 10 idle connections per host: over HTTP/1.1, 22 connections are closed after each burst; give the config an HTTPClient built with awshttp.NewBuildableClient\(\).WithTransportOptions\(func\(t \*http.Transport\) { t.MaxIdleConnsPerHost = 32 }\)`
			_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(k)})
			return err
		})
	}
	return g.Wait()
}

func goodDefaultS3WithinLimit(ctx context.Context, keys []string) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, k := range keys {
		g.Go(func() error {
			_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(k)})
			return err
		})
	}
	return g.Wait()
}

func goodSizedS3(ctx context.Context, keys []string) error {
	hc := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = 64
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
			_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(k)})
			return err
		})
	}
	return g.Wait()
}

func badSizedTooSmall(ctx context.Context, keys []string) error {
	hc := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = 16
	})
	client := s3.NewFromConfig(aws.Config{HTTPClient: hc})
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	for _, k := range keys {
		g.Go(func() error { // want `up to 32 concurrent requests to one host \(SetLimit\(32\)\) share an awshttp.BuildableClient with MaxIdleConnsPerHost 16, which keeps 16 idle connections per host`
			_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(k)})
			return err
		})
	}
	return g.Wait()
}

func goodManyBuckets(ctx context.Context, client *s3.Client, buckets []string) {
	// S3 addresses each bucket as its own host.
	c := s3.NewFromConfig(aws.Config{})
	for _, b := range buckets {
		go c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(b), Key: aws.String("marker")})
	}
}

func badDynamoDB(ctx context.Context, cfg aws.Config, ids []string) {
	db := dynamodb.NewFromConfig(aws.Config{Region: "eu-west-1"})
	for _, id := range ids {
		go func() { // want `unbounded concurrent requests to one host \(one goroutine per item of the range loop\) share the dynamodb client's default HTTP client, which keeps 10 idle connections per host`
			db.GetItem(ctx, &dynamodb.GetItemInput{Key: aws.String(id)})
		}()
	}
}

// The s3 manager.

func badUploaderConcurrency(ctx context.Context) *manager.Uploader {
	cfg, _ := config.LoadDefaultConfig(ctx)
	client := s3.NewFromConfig(cfg)
	u := manager.NewUploader(client, func(u *manager.Uploader) { u.Concurrency = 20 }) // want `up to 20 concurrent part uploads to one bucket \(Concurrency 20\) share the s3 client's default HTTP client, which keeps 10 idle connections per host: over HTTP/1.1, 10 connections are closed after each burst`
	return u
}

func goodUploaderDefault(ctx context.Context) *manager.Uploader {
	cfg, _ := config.LoadDefaultConfig(ctx)
	client := s3.NewFromConfig(cfg)
	u := manager.NewUploader(client) // the default concurrency, 5, fits the SDK's 10
	return u
}

func goodUploaderSized(ctx context.Context) *manager.Downloader {
	hc := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConnsPerHost = 32
	})
	client := s3.NewFromConfig(aws.Config{HTTPClient: hc})
	d := manager.NewDownloader(client, func(d *manager.Downloader) { d.Concurrency = 20 })
	return d
}
