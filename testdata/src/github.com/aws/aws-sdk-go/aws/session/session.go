// Package session is a minimal stub of github.com/aws/aws-sdk-go/aws/session.
package session

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
)

type Session struct {
	Config *aws.Config
}

type SharedConfigState int

const SharedConfigEnable SharedConfigState = 2

type Options struct {
	Config            aws.Config
	SharedConfigState SharedConfigState
	Profile           string
}

func New(cfgs ...*aws.Config) *Session { return nil }

func NewSession(cfgs ...*aws.Config) (*Session, error) { return nil, nil }

func NewSessionWithOptions(opts Options) (*Session, error) { return nil, nil }

func Must(sess *Session, err error) *Session { return sess }

func (s *Session) Copy(cfgs ...*aws.Config) *Session { return s }

func (s *Session) ClientConfig(service string, cfgs ...*aws.Config) client.Config {
	return client.Config{}
}
