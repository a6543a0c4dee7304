// want package:"hasAWSBuilders"

// Package percalltests is a notifier whose tests call its exported
// method: a test's call says nothing of how often the program calls it.
package percalltests

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Notifier struct{ bucket string }

func (n *Notifier) newClient(ctx context.Context) (*s3.Client, error) { // want newClient:`buildsAWSClient\(config.LoadDefaultConfig, returned\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// Notify runs per notification.
func (n *Notifier) Notify(ctx context.Context) error { // want Notify:`buildsAWSClient\(config.LoadDefaultConfig\)`
	c, err := n.newClient(ctx) // want `\(\*Notifier\).newClient builds a new aws.Config per call of \(\*Notifier\).Notify, dropped after use`
	if err != nil {
		return err
	}
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Key: &n.bucket})
	return err
}
