// want package:"hasAWSBuilders"

// Package factorygroup is a CLI's AWS layer (corpus: aws-cloudformation/rain
// internal/aws/cfn, 18 functions calling getClient()): a package factory
// that builds a service client on every call, called once by each API
// wrapper. One finding at the factory, where the fix goes, with each call
// as related information; not one finding per wrapper.
package factorygroup

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var shared aws.Config

func getClient() *s3.Client { // want getClient:`buildsAWSClient\(s3.NewFromConfig, returned\)`
	return s3.NewFromConfig(shared) // want `getClient builds a new s3 client on every call, and 3 functions call it and drop it \(GetObject, PutObject, HeadObject\); build the client once \(in a package variable or a struct field of its users\) and reuse it`
}

func GetObject(ctx context.Context, key string) error { // want GetObject:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := getClient().GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

func PutObject(ctx context.Context, key string) error { // want PutObject:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := getClient().PutObject(ctx, &s3.PutObjectInput{Key: &key})
	return err
}

func HeadObject(ctx context.Context, key string) error { // want HeadObject:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := getClient().GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

// ListAll calls the factory in a loop: that repetition is the caller's,
// so it keeps a finding of its own, at the call.
func ListAll(ctx context.Context, keys []string) error {
	for _, k := range keys {
		if _, err := getClient().GetObject(ctx, &s3.GetObjectInput{Key: &k}); err != nil { // want `getClient builds a new s3 client on every call, here per iteration of a loop`
			return err
		}
	}
	return nil
}

// getOther has one caller: its finding stays at that call.
func getOther() *s3.Client { // want getOther:`buildsAWSClient\(s3.NewFromConfig, returned\)`
	return s3.NewFromConfig(shared)
}

func Other(ctx context.Context, key string) error { // want Other:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := getOther().GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `getOther builds a new s3 client per call of Other, dropped after use`
	return err
}
