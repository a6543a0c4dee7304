// Package v1lambda covers aws-sdk-go (v1) sessions and service clients
// built per Lambda invocation, with a silent twin for each.
package v1lambda

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/dynamodb"
	"github.com/aws/aws-sdk-go/service/s3"
)

type Event struct{ Key string }

// Built once per cold start: silent.
var (
	sess  = session.Must(session.NewSession())
	table = dynamodb.New(sess)
)

func HandleEvent(ctx context.Context, ev Event) error {
	sess, err := session.NewSession(aws.NewConfig().WithRegion("eu-west-1")) // want `session.NewSession called per Lambda invocation in handler HandleEvent; build the session once at init, outside the handler, and reuse it`
	if err != nil {
		return err
	}
	svc := s3.New(sess) // want `s3.New called per Lambda invocation in handler HandleEvent; build the client once at init, outside the handler, and reuse it`
	_, err = svc.GetObjectWithContext(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

func goodHandleEvent(ctx context.Context, ev Event) error {
	_, err := table.GetItemWithContext(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

// badMust: session.Must passes on the session its argument builds.
func badMust(ctx context.Context, ev Event) error {
	svc := dynamodb.New(session.Must(session.NewSessionWithOptions(session.Options{ // want `session.NewSessionWithOptions called per Lambda invocation in handler badMust` `dynamodb.New called per Lambda invocation in handler badMust`
		SharedConfigState: session.SharedConfigEnable,
	})))
	_, err := svc.GetItemWithContext(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

// goodMust passes the shared session through session.Must and copies
// it: neither builds a session or a client.
func goodMust(ctx context.Context, ev Event) error {
	s := session.Must(sess, nil)
	_ = s.Copy()
	_, err := table.GetItemWithContext(ctx, &dynamodb.GetItemInput{Key: &ev.Key})
	return err
}

type handler struct{ s3 *s3.S3 }

func (h *handler) handle(ctx context.Context, ev Event) error {
	_ = session.New() // want `session.New called per Lambda invocation in handler \(\*handler\).handle`
	_, err := h.s3.GetObjectWithContext(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

func (h *handler) goodHandle(ctx context.Context, ev Event) error {
	_, err := h.s3.GetObjectWithContext(ctx, &s3.GetObjectInput{Key: &ev.Key})
	return err
}

// main runs once; it summarises as a builder because h is not kept.
func main() { // want main:`buildsAWSClient\(s3.New\)`
	h := &handler{s3: s3.New(sess)}
	lambda.Start(HandleEvent)
	lambda.Start(goodHandleEvent)
	lambda.Start(badMust)
	lambda.Start(goodMust)
	lambda.Start(h.handle)
	lambda.Start(h.goodHandle)
}
