// Package testfiles checks that _test.go files are skipped by default.
package testfiles

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func badLoop(cfg aws.Config, keys []string) {
	for _, k := range keys {
		s3.NewFromConfig(cfg).GetObject(context.Background(), &s3.GetObjectInput{Key: &k}) // want `s3.NewFromConfig called per iteration of a loop`
	}
}
