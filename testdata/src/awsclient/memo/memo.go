// Package memo covers memoization inside handlers: sync.Once,
// sync.OnceValue, nil checks on fields and globals, and caches. Each
// silent form has a reported twin without the guard.
package memo

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Event struct{ Key, Region string }

var (
	once   sync.Once
	lazyS3 *s3.Client
	lazyDB *dynamodb.Client

	loadCfg = sync.OnceValues(func() (aws.Config, error) {
		return config.LoadDefaultConfig(context.Background())
	})

	mu      sync.Mutex
	regions = map[string]*s3.Client{}
)

func goodOnce(ctx context.Context, ev Event) error {
	once.Do(func() {
		cfg, _ := config.LoadDefaultConfig(ctx)
		lazyS3 = s3.NewFromConfig(cfg)
	})
	_, err := lazyS3.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

func badNoOnce(ctx context.Context, ev Event) error {
	func() {
		cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per Lambda invocation in handler badNoOnce`
		c := s3.NewFromConfig(cfg)              // want `s3.NewFromConfig called per Lambda invocation in handler badNoOnce`
		_ = c
	}()
	return nil
}

func goodOnceValues(ctx context.Context, ev Event) error {
	cfg, err := loadCfg()
	_ = cfg.Region
	return err
}

func goodNilCheck(ctx context.Context, ev Event) error {
	if lazyDB == nil {
		cfg, _ := loadCfg()
		lazyDB = dynamodb.NewFromConfig(cfg)
	}
	_, err := lazyDB.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

func badLocalNilCheck(ctx context.Context, ev Event) error {
	var db *dynamodb.Client
	if db == nil {
		cfg, _ := loadCfg()
		db = dynamodb.NewFromConfig(cfg) // want `dynamodb.NewFromConfig called per Lambda invocation in handler badLocalNilCheck`
	}
	_, err := db.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

type svc struct{ db *dynamodb.Client }

func (s *svc) goodFieldNilCheck(ctx context.Context, ev Event) error {
	if s.db != nil {
		_, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
		return err
	}
	cfg, _ := loadCfg()
	s.db = dynamodb.NewFromConfig(cfg)
	return nil
}

// goodCache keeps one client per region.
func goodCache(ctx context.Context, ev Event) error {
	mu.Lock()
	c, ok := regions[ev.Region]
	if !ok {
		cfg, _ := loadCfg()
		c = s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = ev.Region })
		regions[ev.Region] = c
	}
	mu.Unlock()
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

// badRegion builds a client per region per invocation and drops it.
func badRegion(ctx context.Context, ev Event) error {
	cfg, _ := loadCfg()
	c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = ev.Region }) // want `s3.NewFromConfig called per Lambda invocation in handler badRegion`
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

func main() {
	s := &svc{}
	lambda.Start(goodOnce)
	lambda.Start(badNoOnce)
	lambda.Start(goodOnceValues)
	lambda.Start(goodNilCheck)
	lambda.Start(badLocalNilCheck)
	lambda.Start(s.goodFieldNilCheck)
	lambda.Start(goodCache)
	lambda.Start(badRegion)
}
