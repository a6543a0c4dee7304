// Package percall is an uploader library on the real aws-sdk-go-v2 and
// aws-sdk-go (v1): clients built, used once and dropped inside a method
// are rebuilt on every call, wherever it is called from.
package percall

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
)

type Destination struct {
	bucket string
	s3     *s3.Client
}

// NewDestination builds the client once; the Destination keeps it.
func NewDestination(ctx context.Context, bucket string) (*Destination, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &Destination{bucket: bucket, s3: s3.NewFromConfig(cfg)}, nil
}

// Upload walks the credential chain and builds a client on every call.
func (d *Destination) Upload(ctx context.Context, key string, b []byte) error {
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per call of \(\*Destination\).Upload and dropped after use; build the config once in the constructor, keep it in a struct field, and reuse it`
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: &d.bucket, Key: &key, Body: bytes.NewReader(b)}) // want `s3.NewFromConfig called per call of \(\*Destination\).Upload and dropped after use; build the client once in the constructor, keep it in a struct field, and reuse it`
	return err
}

// UploadShared uses the client the Destination keeps.
func (d *Destination) UploadShared(ctx context.Context, key string, b []byte) error {
	_, err := d.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: &d.bucket, Key: &key, Body: bytes.NewReader(b)})
	return err
}

type LegacyDestination struct {
	bucket string
	sess   *session.Session
}

// NewLegacyDestination builds the session once; the destination keeps it.
func NewLegacyDestination(bucket string) (*LegacyDestination, error) {
	sess, err := session.NewSession()
	if err != nil {
		return nil, err
	}
	return &LegacyDestination{bucket: bucket, sess: sess}, nil
}

// Exists resolves a session (environment, shared files, IMDS) on every call.
func (d *LegacyDestination) Exists(key string) bool {
	sess := session.Must(session.NewSession()) // want `session.NewSession called per call of \(\*LegacyDestination\).Exists and dropped after use; build the session once in the constructor, keep it in a struct field, and reuse it`
	_, err := s3v1.New(sess).HeadObject(&s3v1.HeadObjectInput{Bucket: aws.String(d.bucket), Key: aws.String(key)})
	return err == nil
}

// ExistsShared makes a service client from the kept session: in v1,
// clients made from one session share its HTTP client, so this builds
// no pool.
func (d *LegacyDestination) ExistsShared(key string) bool {
	_, err := s3v1.New(d.sess).HeadObject(&s3v1.HeadObjectInput{Bucket: aws.String(d.bucket), Key: aws.String(key)})
	return err == nil
}
