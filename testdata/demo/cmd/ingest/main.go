// Command ingest is an AWS Lambda function that copies uploaded objects
// into a DynamoDB table.
package main

import (
	"context"
	"io"
	"log"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Event struct {
	Bucket string `json:"bucket"`
	Key    string `json:"key"`
}

// Built once per cold start and reused by warm invocations.
var (
	objects *s3.Client
	table   *dynamodb.Client
)

func init() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	objects = s3.NewFromConfig(cfg)
	table = dynamodb.NewFromConfig(cfg)
}

// handle builds a new S3 client, and with it a new connection pool, on
// every invocation: a warm Lambda runs into its 1024 file descriptors.
func handle(ctx context.Context, ev Event) error {
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per Lambda invocation in handler handle; build the config once at init, outside the handler, and reuse it`
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per Lambda invocation in handler handle; build the client once at init, outside the handler, and reuse it`
	return ingest(ctx, client, ev)
}

func handleGood(ctx context.Context, ev Event) error {
	return ingest(ctx, objects, ev)
}

func ingest(ctx context.Context, client *s3.Client, ev Event) error {
	out, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(ev.Bucket), Key: aws.String(ev.Key)})
	if err != nil {
		return err
	}
	defer out.Body.Close()
	body, err := io.ReadAll(out.Body)
	if err != nil {
		return err
	}
	_, err = table.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String("objects"),
		Item: map[string]types.AttributeValue{
			"key":  &types.AttributeValueMemberS{Value: ev.Key},
			"body": &types.AttributeValueMemberB{Value: body},
		},
	})
	return err
}

func main() {
	if table == nil {
		lambda.Start(handleGood)
	}
	lambda.Start(handle)
}
