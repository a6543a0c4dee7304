package testfiles_flag

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func TestGet(t *testing.T) {
	for _, k := range []string{"a", "b"} {
		s3.NewFromConfig(aws.Config{}).GetObject(context.Background(), &s3.GetObjectInput{Key: &k}) // want `s3.NewFromConfig called per iteration of a loop`
	}
}
