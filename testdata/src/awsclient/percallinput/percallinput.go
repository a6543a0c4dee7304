// want package:"hasAWSBuilders"

// Package percallinput builds AWS configs and clients per call from the
// call's input: a getter that downloads a URL, whose region and profile
// come from the URL (corpus: go-getter's S3 getter). One config per item
// the call is given is how such clients are made, as in a loop over
// regions; what is built from the receiver's configuration is the same
// config every call, and is reported.
package percallinput

import (
	"context"
	"net/http"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Getter struct {
	ctx    context.Context
	region string
}

// Context returns the getter's context: a context carries no
// configuration, so reading it is not reading the receiver's settings.
func (g *Getter) Context() context.Context { return g.ctx }

// newS3Client builds a client for the region the URL names.
func (g *Getter) newS3Client(region string, u *url.URL) (*s3.Client, error) { // want newS3Client:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(g.Context(), config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

func parseURL(u *url.URL) (region, key string) { return u.Query().Get("region"), u.Path }

// GoodGet builds one client per URL it downloads, from the URL's region.
func (g *Getter) GoodGet(dst string, u *url.URL) error { // want GoodGet:`buildsAWSClient\(config.LoadDefaultConfig\)`
	region, key := parseURL(u)
	client, err := g.newS3Client(region, u)
	if err != nil {
		return err
	}
	_, err = client.GetObject(g.Context(), &s3.GetObjectInput{Key: &key})
	return err
}

// GoodFetch loads a config for the region it is given.
func GoodFetch(ctx context.Context, region, key string) error { // want GoodFetch:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

// newFromField builds from the receiver's region, whatever it is given.
func (g *Getter) newFromField(key string) (*s3.Client, error) { // want newFromField:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(g.Context(), config.WithRegion(g.region))
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// BadGetFromField: the builder is given the key, but the config comes
// from the receiver: the same config every call.
func (g *Getter) BadGetFromField(u *url.URL) error { // want BadGetFromField:`buildsAWSClient\(config.LoadDefaultConfig\)`
	_, key := parseURL(u)
	client, err := g.newFromField(key) // want `\(\*Getter\).newFromField builds a new aws.Config per call of \(\*Getter\).BadGetFromField, dropped after use`
	if err != nil {
		return err
	}
	_, err = client.GetObject(g.Context(), &s3.GetObjectInput{Key: &key})
	return err
}

// BadGetReceiverRegion hands the builder the receiver's region.
func (g *Getter) BadGetReceiverRegion(u *url.URL) error { // want BadGetReceiverRegion:`buildsAWSClient\(config.LoadDefaultConfig\)`
	_, key := parseURL(u)
	client, err := g.newS3Client(g.region, u) // want `\(\*Getter\).newS3Client builds a new aws.Config per call of \(\*Getter\).BadGetReceiverRegion, dropped after use`
	if err != nil {
		return err
	}
	_, err = client.GetObject(g.Context(), &s3.GetObjectInput{Key: &key})
	return err
}

// BadFetchFixed loads the same default config on every call: only the
// key comes from the input.
func BadFetchFixed(ctx context.Context, key string) error { // want BadFetchFixed:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per call of BadFetchFixed and dropped after use`
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `s3.NewFromConfig called per call of BadFetchFixed and dropped after use`
	return err
}

var getter = &Getter{ctx: context.Background()}

// badHandler runs per request: an input-keyed builder is still one
// config per request there.
func badHandler(w http.ResponseWriter, r *http.Request) {
	getter.GoodGet("/tmp/x", r.URL) // want `\(\*Getter\).GoodGet builds a new aws.Config on every call, here per request in handler badHandler`
}

func init() { http.HandleFunc("/get", badHandler) }

// newFor builds from whatever getter it is given.
func newFor(g *Getter, key string) (*s3.Client, error) { // want newFor:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(g.Context(), config.WithRegion(g.region))
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// BadGetPassingReceiver hands the receiver itself to a plain builder:
// its configuration, not the input, decides the config.
func (g *Getter) BadGetPassingReceiver(u *url.URL) error { // want BadGetPassingReceiver:`buildsAWSClient\(config.LoadDefaultConfig\)`
	_, key := parseURL(u)
	client, err := newFor(g, key) // want `newFor builds a new aws.Config per call of \(\*Getter\).BadGetPassingReceiver, dropped after use`
	if err != nil {
		return err
	}
	_, err = client.GetObject(g.Context(), &s3.GetObjectInput{Key: &key})
	return err
}
