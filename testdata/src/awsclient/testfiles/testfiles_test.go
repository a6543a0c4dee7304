package testfiles

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Test code builds a client per case on purpose: silent by default.
func TestGet(t *testing.T) {
	for _, k := range []string{"a", "b"} {
		s3.NewFromConfig(aws.Config{}).GetObject(context.Background(), &s3.GetObjectInput{Key: &k})
	}
}
