// want package:"hasAWSBuilders"

// Package percall builds AWS clients that die with the call: an
// uploader, a notifier. No handler in sight; every call walks the
// credential chain and builds a new pool.
package percall

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	v1aws "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	v1s3 "github.com/aws/aws-sdk-go/service/s3"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"awsclient/helpers/awsutil"
)

type Destination struct {
	bucket string
	s3     *s3.Client
	cfg    aws.Config
}

// Upload loads the config and builds a client on every call.
func (d *Destination) Upload(ctx context.Context, key string) error { // want Upload:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per call of \(\*Destination\).Upload and dropped after use; build the config once in the constructor, keep it in a struct field, and reuse it`
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `s3.NewFromConfig called per call of \(\*Destination\).Upload and dropped after use; build the client once in the constructor`
	return err
}

// GoodUpload uses the client built in the constructor.
func (d *Destination) GoodUpload(ctx context.Context, key string) error {
	_, err := d.s3.GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

// NewDestination builds the client once and keeps it in the struct it
// returns: it outlives the call.
func NewDestination(ctx context.Context, bucket string) (*Destination, error) { // want NewDestination:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &Destination{bucket: bucket, s3: s3.NewFromConfig(cfg), cfg: cfg}, nil
}

type Notifier struct{ region string }

// newDB is a helper that builds and returns a client.
func (n *Notifier) newDB(ctx context.Context) (*dynamodb.Client, error) { // want newDB:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(n.region))
	if err != nil {
		return nil, err
	}
	return dynamodb.NewFromConfig(cfg), nil
}

// Notify builds through the helper and drops the client.
func (n *Notifier) Notify(ctx context.Context) error { // want Notify:`buildsAWSClient\(config.LoadDefaultConfig\)`
	c, err := n.newDB(ctx) // want `\(\*Notifier\).newDB builds a new aws.Config per call of \(\*Notifier\).Notify, dropped after use; build the config once in the constructor, keep it in a struct field, and reuse it`
	if err != nil {
		return err
	}
	_, err = c.GetItem(ctx, &dynamodb.GetItemInput{})
	return err
}

// NotifyOther goes through a helper of another package.
func (n *Notifier) NotifyOther(ctx context.Context, key string) error { // want NotifyOther:`buildsAWSClient\(config.LoadDefaultConfig\)`
	c, err := awsutil.NewS3(ctx) // want `awsutil.NewS3 builds a new aws.Config per call of \(\*Notifier\).NotifyOther, dropped after use`
	if err != nil {
		return err
	}
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

// GoodFromField builds a client from the struct's config: the pool is
// new, but the credential chain is not walked again. Still a new pool
// per call.
func (d *Destination) BadFromField(ctx context.Context, key string) error { // want BadFromField:`buildsAWSClient\(s3.NewFromConfig\)`
	_, err := s3.NewFromConfig(d.cfg).GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `s3.NewFromConfig called per call of \(\*Destination\).BadFromField and dropped after use`
	return err
}

type creds struct{ Expiry time.Time }

type Refresher struct {
	cfg aws.Config
	db  *dynamodb.Client
}

// GoodExpiry rebuilds the config only when the credentials expire.
func (r *Refresher) GoodExpiry(ctx context.Context, c *creds) error {
	if time.Until(c.Expiry) < 5*time.Minute {
		cfg, err := config.LoadDefaultConfig(ctx)
		if err != nil {
			return err
		}
		r.cfg = cfg
	}
	_, err := r.db.GetItem(ctx, &dynamodb.GetItemInput{})
	return err
}

// GoodRefreshLoop wakes shortly before the credentials expire.
func (r *Refresher) GoodRefreshLoop(ctx context.Context, c *creds) {
	for {
		sess := session.Must(session.NewSession())
		v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
		time.Sleep(time.Until(c.Expiry) - time.Minute)
	}
}

// SessionPerCall builds a v1 session on every call.
func SessionPerCall(ctx context.Context) error { // want SessionPerCall:`buildsAWSClient\(session.NewSession\)`
	sess, err := session.NewSession(v1aws.NewConfig().WithRegion("eu-west-1")) // want `session.NewSession called per call of SessionPerCall and dropped after use; build the session once, outside SessionPerCall, and reuse it`
	if err != nil {
		return err
	}
	_, err = v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	return err
}

type V1Store struct{ sess *session.Session }

// GoodV1SharedSession: a v1 service client shares the session's HTTP
// client; building one per call is no new pool.
func (s *V1Store) GoodV1SharedSession(ctx context.Context) error { // want GoodV1SharedSession:`buildsAWSClient\(s3.New\)`
	_, err := v1s3.New(s.sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	return err
}

// newBuildable returns the result of a builder chain: the With* call
// hands on the client it was called on (alertmanager's SNS notifier).
func newBuildable(tlsOn bool) (*awshttp.BuildableClient, error) { // want newBuildable:`buildsAWSClient\(awshttp.NewBuildableClient, returned\)`
	return awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.ForceAttemptHTTP2 = tlsOn
	}), nil
}

// BadBuildableChain uses a chained client once and drops it.
func BadBuildableChain(req *http.Request) error { // want BadBuildableChain:`buildsAWSClient\(awshttp.NewBuildableClient\)`
	_, err := awshttp.NewBuildableClient().WithTimeout(time.Second).Do(req) // want `awshttp.NewBuildableClient called per call of BadBuildableChain and dropped after use`
	return err
}

func getObject(ctx context.Context, c *s3.Client, key string) (*s3.GetObjectOutput, error) {
	return c.GetObject(ctx, &s3.GetObjectInput{Key: &key})
}

// BadSQSShape sends through package helpers only (notifications-engine's
// SQS service).
func (d *Destination) BadSQSShape(ctx context.Context, key string) error { // want BadSQSShape:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per call of \(\*Destination\).BadSQSShape and dropped after use`
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg) // want `s3.NewFromConfig called per call of \(\*Destination\).BadSQSShape and dropped after use`
	out, err := getObject(ctx, client, key)
	_ = out
	return err
}

// Creds is a refreshable credential.
type Cred struct {
	key     string
	expires time.Time
}

// GoodGenerateCreds builds a session per call, but its only caller
// calls it when the credential is about to expire: once per lifetime.
func GoodGenerateCreds(ctx context.Context) (Cred, error) { // want GoodGenerateCreds:`buildsAWSClient\(session.NewSession\)`
	sess := session.Must(session.NewSession())
	_, err := v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	return Cred{expires: time.Now().Add(time.Hour)}, err
}

// CredCache serves a cached credential, rebuilt near expiry.
type CredCache struct{ cur Cred }

// ServeHTTP is a handler, but it rebuilds only near expiry.
func (r *CredCache) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if time.Until(r.cur.expires) < time.Minute {
		r.cur, _ = GoodGenerateCreds(req.Context())
	}
	w.Write([]byte(r.cur.key))
}

// BadGenerateCreds is the same builder, called on every Fetch.
func BadGenerateCreds(ctx context.Context) (Cred, error) { // want BadGenerateCreds:`buildsAWSClient\(session.NewSession\)`
	sess := session.Must(session.NewSession()) // want `session.NewSession called per call of BadGenerateCreds and dropped after use`
	_, err := v1s3.New(sess).GetObjectWithContext(ctx, &v1s3.GetObjectInput{})
	return Cred{expires: time.Now().Add(time.Hour)}, err
}

func (r *CredCache) Fetch(ctx context.Context) Cred { // want Fetch:`buildsAWSClient\(session.NewSession\)`
	c, _ := BadGenerateCreds(ctx)
	return c
}

// RefreshLoop calls GoodGenerateCreds, then sleeps until shortly
// before the credential expires: once per lifetime.
func RefreshLoop(ctx context.Context) {
	for {
		c, _ := GoodGenerateCreds(ctx)
		time.Sleep(time.Until(c.expires) - time.Minute)
	}
}

// ServeCreds fetches the first credential once at start-up.
func ServeCreds(ctx context.Context) { // want ServeCreds:`buildsAWSClient\(session.NewSession\)`
	c := &CredCache{}
	c.cur, _ = GoodGenerateCreds(ctx)
	http.ListenAndServe(":8080", nil)
}
