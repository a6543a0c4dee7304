// want package:"hasAWSBuilders"

// Package perobject reads instance settings through a session built in
// a method that only the server's constructor calls (corpus:
// aws-iam-authenticator's (*Server).getHandler, called from
// server.New): once per server, not per call.
package perobject

import (
	"context"

	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

type Server struct{ ready bool }

func New() *Server { // want New:`buildsAWSClient\(session.NewSession, returned\)`
	s := &Server{}
	s.setup()
	return s
}

// setup runs once per Server: silent.
func (s *Server) setup() { // want setup:`buildsAWSClient\(session.NewSession\)`
	sess, err := session.NewSession()
	if err != nil {
		return
	}
	_, err = s3.New(sess).GetObjectWithContext(context.Background(), &s3.GetObjectInput{})
	s.ready = err == nil
}

// reload is also called by Reload, per call: reported.
func (s *Server) reload() { // want reload:`buildsAWSClient\(session.NewSession\)`
	sess, err := session.NewSession() // want `session.NewSession called per call of \(\*Server\).reload and dropped after use`
	if err != nil {
		return
	}
	_, err = s3.New(sess).GetObjectWithContext(context.Background(), &s3.GetObjectInput{})
	s.ready = err == nil
}

func (s *Server) Reload() { s.reload() } // want Reload:`buildsAWSClient\(session.NewSession\)`
