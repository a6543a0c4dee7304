// Package v2lambda covers aws-sdk-go-v2 constructions in every Lambda
// handler form: a function, a literal, a method value, a factory's
// closure and a handler type's Invoke. Each positive has a silent twin.
package v2lambda

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Event struct{ Key string }

// Built once per cold start: silent.
var (
	cfg, _   = config.LoadDefaultConfig(context.Background())
	s3Client = s3.NewFromConfig(cfg)
	db       *dynamodb.Client
)

func init() {
	db = dynamodb.NewFromConfig(cfg)
}

func HandleEvent(ctx context.Context, ev Event) error {
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per Lambda invocation in handler HandleEvent; build the config once at init, outside the handler, and reuse it`
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per Lambda invocation in handler HandleEvent; build the client once at init, outside the handler, and reuse it`
	_, err = client.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

// goodHandleEvent only uses clients built elsewhere.
func goodHandleEvent(ctx context.Context, ev Event) error {
	_, err := s3Client.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

// badSharedConfig loads nothing, but each NewFromConfig still builds a
// transport of its own.
func badSharedConfig(ctx context.Context, ev Event) error {
	client := dynamodb.NewFromConfig(cfg) // want `dynamodb.NewFromConfig called per Lambda invocation in handler badSharedConfig`
	_, err := client.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

// goodSharedConfig only reads the cfg loaded once.
func goodSharedConfig(ctx context.Context, ev Event) (string, error) {
	_, err := db.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return cfg.Region, err
}

type app struct{ client *s3.Client }

func (a *app) handle(ctx context.Context, ev Event) error {
	c := s3.New(a.client.Options()) // want `s3.New called per Lambda invocation in handler \(\*app\).handle`
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

func (a *app) goodHandle(ctx context.Context, ev Event) error {
	p := s3.NewPresignClient(a.client) // wraps the shared client: no pool
	_ = p
	_, err := a.client.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

// makeHandler is a factory: its body runs once, the closure per invocation.
func makeHandler(ctx context.Context) func(context.Context, Event) error { // want makeHandler:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, _ := config.LoadDefaultConfig(ctx)
	client := s3.NewFromConfig(cfg)
	return func(ctx context.Context, ev Event) error {
		hc := awshttp.NewBuildableClient()               // want `awshttp.NewBuildableClient called per Lambda invocation in a handler literal; build the client once at init, outside the handler, and reuse it`
		_ = s3.NewFromConfig(aws.Config{HTTPClient: hc}) // want `s3.NewFromConfig called per Lambda invocation in a handler literal`
		_, err := client.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
		return err
	}
}

type invoker struct{ db *dynamodb.Client }

func (i invoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	c := dynamodb.New(dynamodb.Options{Region: "eu-west-1"}) // want `dynamodb.New called per Lambda invocation in handler invoker.Invoke`
	_, err := c.GetItem(ctx, &dynamodb.GetItemInput{})
	return nil, err
}

type goodInvoker struct{ db *dynamodb.Client }

func (i goodInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	_, err := i.db.GetItem(ctx, &dynamodb.GetItemInput{})
	return nil, err
}

func main() { // want main:`buildsAWSClient\(config.LoadDefaultConfig\)`
	// main before lambda.Start runs once: silent.
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	a := &app{client: s3.NewFromConfig(cfg)}

	lambda.Start(HandleEvent)
	lambda.Start(goodHandleEvent)
	lambda.Start(badSharedConfig)
	lambda.Start(goodSharedConfig)
	lambda.Start(func(ctx context.Context, ev Event) error {
		c := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per Lambda invocation in a handler literal`
		_, err := c.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
		return err
	})
	lambda.Start(func(ctx context.Context, ev Event) error {
		_, err := a.client.GetObject(ctx, &s3.GetObjectInput{Key: &ev.Key})
		return err
	})
	lambda.StartWithOptions(a.handle)
	lambda.StartWithOptions(a.goodHandle)
	lambda.Start(makeHandler(context.Background()))
	lambda.StartHandler(invoker{})
	lambda.StartHandler(goodInvoker{db: dynamodb.NewFromConfig(cfg)})
}
