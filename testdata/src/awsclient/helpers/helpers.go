// want package:"hasAWSBuilders"

// Package helpers calls builders in its own package and in another,
// from handlers and from start-up code.
package helpers

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"awsclient/helpers/awsutil"
)

type Event struct{ Key string }

var cfg aws.Config

func badCrossPackage(ctx context.Context, ev Event) error {
	c, err := awsutil.NewS3(ctx) // want `awsutil.NewS3 builds a new aws.Config on every call, here per Lambda invocation in handler badCrossPackage; build the config once at init, outside the handler, and reuse it`
	if err != nil {
		return err
	}
	_ = c
	return nil
}

func badCrossPackageDrop(ctx context.Context, ev Event) error {
	return awsutil.Put(ctx, cfg, ev.Key) // want `awsutil.Put builds a new s3 client on every call, here per Lambda invocation in handler badCrossPackageDrop; build the client once at init, outside the handler, and reuse it`
}

func goodCrossPackage(ctx context.Context, ev Event) error {
	_ = awsutil.Shared(cfg)
	_ = awsutil.Region(cfg)
	return nil
}

// NewDB is a helper in this package.
func NewDB(c aws.Config) *dynamodb.Client { // want NewDB:`buildsAWSClient\(dynamodb.NewFromConfig, returned\)`
	return dynamodb.NewFromConfig(c)
}

func newS3() any { // want newS3:`buildsAWSClient\(s3.NewFromConfig, returned\)`
	return awsutil.S3From(cfg)
}

func badSamePackage(ctx context.Context, ev Event) error {
	db := NewDB(cfg) // want `NewDB builds a new dynamodb client on every call, here per Lambda invocation in handler badSamePackage`
	_, err := db.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	_ = newS3() // want `newS3 builds a new s3 client on every call, here per Lambda invocation in handler badSamePackage`
	return err
}

type server struct{ db *dynamodb.Client }

// newServer is a constructor that runs once, from main.
func newServer() *server { // want newServer:`buildsAWSClient\(dynamodb.NewFromConfig, returned\)`
	return &server{db: NewDB(cfg)}
}

func (s *server) goodSamePackage(ctx context.Context, ev Event) error {
	_, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

func main() { // want main:`buildsAWSClient\(dynamodb.NewFromConfig\)`
	s := newServer()
	lambda.Start(badCrossPackage)
	lambda.Start(badCrossPackageDrop)
	lambda.Start(goodCrossPackage)
	lambda.Start(badSamePackage)
	lambda.Start(s.goodSamePackage)
}
