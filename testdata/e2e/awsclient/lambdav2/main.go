// Command lambdav2 is a Lambda function on the real aws-sdk-go-v2 and
// aws-lambda-go, with the per-invocation mistakes and their fixes.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/e2e/awsclient/awsutil"
)

type Event struct {
	Bucket string `json:"bucket"`
	Key    string `json:"key"`
}

// Built once per cold start, in init: reused by warm invocations.
var (
	cfg aws.Config
	s3c *s3.Client
)

func init() {
	var err error
	cfg, err = config.LoadDefaultConfig(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	s3c = s3.NewFromConfig(cfg)
}

func handle(ctx context.Context, ev Event) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per Lambda invocation in handler handle; build the config once at init, outside the handler, and reuse it`
	if err != nil {
		return "", err
	}
	client := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per Lambda invocation in handler handle; build the client once at init, outside the handler, and reuse it`
	out, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(ev.Bucket), Key: aws.String(ev.Key)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.ETag), nil
}

func goodHandle(ctx context.Context, ev Event) (string, error) {
	out, err := s3c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(ev.Bucket), Key: aws.String(ev.Key)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.ETag) + awsutil.Region(cfg), nil
}

type store struct{ db *dynamodb.Client }

func (s *store) put(ctx context.Context, ev Event) error {
	db, err := awsutil.NewDynamo(ctx) // want `awsutil.NewDynamo builds a new aws.Config on every call, here per Lambda invocation in handler \(\*store\).put; build the config once at init, outside the handler, and reuse it`
	if err != nil {
		return err
	}
	return putItem(ctx, db, ev)
}

func (s *store) goodPut(ctx context.Context, ev Event) error {
	return putItem(ctx, s.db, ev)
}

func putItem(ctx context.Context, db *dynamodb.Client, ev Event) error {
	_, err := db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String("events"),
		Item:      map[string]types.AttributeValue{"key": &types.AttributeValueMemberS{Value: ev.Key}},
	})
	return err
}

// newHandler is a factory: its body runs once per cold start, the
// closure it returns per invocation.
func newHandler(db *dynamodb.Client) func(context.Context, Event) error {
	return func(ctx context.Context, ev Event) error {
		d := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.Region = "eu-west-1" }) // want `dynamodb.NewFromConfig called per Lambda invocation in a handler literal`
		if err := putItem(ctx, d, ev); err != nil {
			return err
		}
		return putItem(ctx, db, ev)
	}
}

func main() {
	s := &store{db: dynamodb.NewFromConfig(cfg)}
	switch {
	case cfg.Region == "good":
		lambda.Start(goodHandle)
	case cfg.Region == "good-store":
		lambda.Start(s.goodPut)
	case cfg.Region == "store":
		lambda.Start(s.put)
	case cfg.Region == "factory":
		lambda.Start(newHandler(s.db))
	}
	lambda.Start(handle)
}
