// Command loops builds AWS sessions and clients in loops at start-up:
// one per profile or region is how such clients are made.
package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	v1aws "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	v1s3 "github.com/aws/aws-sdk-go/service/s3"
)

func main() { // want main:`buildsAWSClient\(session.NewSessionWithOptions\)`
	ctx := context.Background()
	profiles := []string{"dev", "prod"}
	regions := []string{"eu-west-1", "us-east-1"}

	// goodSessionPerProfile: one session per account profile.
	for _, p := range profiles {
		sess := session.Must(session.NewSessionWithOptions(session.Options{Profile: p}))
		v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	}

	// goodV1ClientPerRegion: v1 clients share the session's HTTP client.
	sess := session.Must(session.NewSession())
	for _, r := range regions {
		v1s3.New(sess, &v1aws.Config{Region: &r}).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	}
	for range regions {
		v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	}

	// goodV2ClientPerRegion: one v2 client per region from one config.
	cfg, _ := config.LoadDefaultConfig(ctx)
	for _, r := range regions {
		s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = r }).GetObject(ctx, &s3.GetObjectInput{})
	}

	// badSameConfig: the same config and client rebuilt each iteration.
	for _, r := range regions {
		c, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per iteration of a loop; build the config once before the loop and reuse it`
		key := r
		s3.NewFromConfig(c).GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `s3.NewFromConfig called per iteration of a loop; build the client once before the loop and reuse it`
	}

	// badSessionSame: one session per iteration, nothing from the item.
	for range profiles {
		s := session.Must(session.NewSession()) // want `session.NewSession called per iteration of a loop`
		v1s3.New(s).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	}
}
