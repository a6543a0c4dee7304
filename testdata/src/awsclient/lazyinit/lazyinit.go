// want package:"hasAWSBuilders"

// Package lazyinit resolves a region through a throwaway config, only
// from lazy initialisers of its discoverer's client (corpus:
// prometheus discovery/aws loadRegion, called by ec2Client after "if
// d.ec2 != nil { return d.ec2, nil }", which then sets d.ec2): once
// per discoverer, not per call.
package lazyinit

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func region(ctx context.Context) (string, error) { // want region:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	if cfg.Region != "" {
		return cfg.Region, nil
	}
	_, err = s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{})
	return "us-east-1", err
}

type Discovery struct {
	s3, other *s3.Client
}

func (d *Discovery) client(ctx context.Context) (*s3.Client, error) { // want client:`buildsAWSClient\(config.LoadDefaultConfig\)`
	if d.s3 != nil && d.other != nil {
		return d.s3, nil
	}
	r, err := region(ctx)
	if err != nil {
		return nil, err
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(r))
	if err != nil {
		return nil, err
	}
	d.s3 = s3.NewFromConfig(cfg)
	return d.s3, nil
}

func (d *Discovery) Refresh(ctx context.Context) error { // want Refresh:`buildsAWSClient\(config.LoadDefaultConfig\)`
	c, err := d.client(ctx)
	if err != nil {
		return err
	}
	_, err = c.GetObject(ctx, &s3.GetObjectInput{})
	return err
}

// badRegion's caller tests a field it never sets: every call resolves
// the region again.
func badRegion(ctx context.Context) (string, error) { // want badRegion:`buildsAWSClient\(config.LoadDefaultConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig called per call of badRegion and dropped after use`
	if err != nil {
		return "", err
	}
	if cfg.Region != "" {
		return cfg.Region, nil
	}
	_, err = s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{}) // want `s3.NewFromConfig called per call of badRegion and dropped after use`
	return "us-east-1", err
}

func (d *Discovery) Other(ctx context.Context) (string, error) { // want Other:`buildsAWSClient\(config.LoadDefaultConfig, unless receiver sets other\)`
	if d.other != nil {
		return "", nil
	}
	return badRegion(ctx)
}
