// Command lambdav1 is a Lambda function on the real aws-sdk-go (v1).
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

type Event struct {
	Bucket string `json:"bucket"`
	Key    string `json:"key"`
}

// The session and client are cached per cold start, as the session
// package's documentation asks.
var (
	sess = session.Must(session.NewSession())
	svc  = s3.New(sess)
)

func handle(ctx context.Context, ev Event) (string, error) {
	sess := session.Must(session.NewSession(aws.NewConfig().WithRegion("eu-west-1"))) // want `session.NewSession called per Lambda invocation in handler handle; build the session once at init, outside the handler, and reuse it`
	out, err := s3.New(sess).HeadObjectWithContext(ctx, &s3.HeadObjectInput{          // want `s3.New called per Lambda invocation in handler handle; build the client once at init, outside the handler, and reuse it`
		Bucket: aws.String(ev.Bucket), Key: aws.String(ev.Key),
	})
	if err != nil {
		return "", err
	}
	return aws.StringValue(out.ETag), nil
}

func goodHandle(ctx context.Context, ev Event) (string, error) {
	out, err := svc.HeadObjectWithContext(ctx, &s3.HeadObjectInput{
		Bucket: aws.String(ev.Bucket), Key: aws.String(ev.Key),
	})
	if err != nil {
		return "", err
	}
	return aws.StringValue(out.ETag), nil
}

func main() {
	if aws.StringValue(sess.Config.Region) == "good" {
		lambda.Start(goodHandle)
	}
	lambda.Start(handle)
}
