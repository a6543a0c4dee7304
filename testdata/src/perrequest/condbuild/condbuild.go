// want package:"hasPoolBuilders"

// Package condbuild calls conditional builders: each call site decides
// from its argument.
package condbuild

import (
	"net/http"
	"time"

	"perrequest/condbuild/restylike"
)

type Server struct {
	rc *restylike.Client
	hc *http.Client
	tr http.RoundTripper
	o  *restylike.Options

	cert []byte
}

func badNew(w http.ResponseWriter, r *http.Request) {
	restylike.New().Get("https://example.com") // want `restylike.New builds a new http.Transport on every call, here per request in handler badNew`
}

func (s *Server) goodShared(w http.ResponseWriter, r *http.Request) {
	s.rc.Get("https://example.com")
	restylike.NewShared().Get("https://example.com")
}

func badWithFreshClient(w http.ResponseWriter, r *http.Request) {
	restylike.NewWithClient(&http.Client{Timeout: time.Second}).Get("https://example.com") // want `restylike.NewWithClient builds a new http.Transport on every call, here per request in handler badWithFreshClient`
}

func (s *Server) goodWithTransport(w http.ResponseWriter, r *http.Request) {
	restylike.NewWithClient(&http.Client{Transport: s.tr}).Get("https://example.com")
}

func (s *Server) goodWithField(w http.ResponseWriter, r *http.Request) {
	restylike.NewWithClient(s.hc).Get("https://example.com")
}

func badLocal(w http.ResponseWriter, r *http.Request) {
	hc := &http.Client{Timeout: time.Second}
	c := restylike.NewWithClient(hc) // want `restylike.NewWithClient builds a new http.Transport on every call`
	c.Get("https://example.com")
}

func (s *Server) goodLocalSet(w http.ResponseWriter, r *http.Request) {
	hc := &http.Client{Timeout: time.Second}
	hc.Transport = s.tr
	restylike.NewWithClient(hc).Get("https://example.com")
}

func unjudged(w http.ResponseWriter, r *http.Request, make func() *http.Client) {
	restylike.NewWithClient(make()).Get("https://example.com")
}

// wrap passes the condition up: its own callers decide.
func wrap(hc *http.Client) *restylike.Client { // want wrap:`buildsPool\(http.Transport, returned, unless arg 0 sets Transport\)`
	return restylike.NewWithClient(hc)
}

func badWrap(w http.ResponseWriter, r *http.Request) {
	wrap(&http.Client{}).Get("https://example.com") // want `wrap builds a new http.Transport on every call`
}

func (s *Server) goodWrap(w http.ResponseWriter, r *http.Request) {
	wrap(s.hc).Get("https://example.com")
}

func badProxied(w http.ResponseWriter, r *http.Request) {
	restylike.NewProxied(restylike.Config{Proxy: http.ProxyFromEnvironment}).Get("https://example.com") // want `restylike.NewProxied builds a new http.Transport on every call`
}

func goodNotProxied(w http.ResponseWriter, r *http.Request) {
	restylike.NewProxied(restylike.Config{Timeout: time.Second}).Get("https://example.com")
}

func badOptions(w http.ResponseWriter, r *http.Request) {
	restylike.NewAPI(&restylike.Options{}).Ping() // want `restylike.NewAPI builds a new http.Transport on every call`
}

func (s *Server) goodOptions(w http.ResponseWriter, r *http.Request) {
	restylike.NewAPI(&restylike.Options{HTTPClient: s.hc}).Ping()
	restylike.NewAPI(s.o).Ping()
}

// (*Server).client lazily fills its own field: the receiver is long-
// lived, and the value is kept in it.
func (s *Server) client() *http.Client {
	if s.hc == nil {
		s.hc = &http.Client{Transport: &http.Transport{}}
	}
	return s.hc
}

func (s *Server) goodLazy(w http.ResponseWriter, r *http.Request) {
	s.client().Get("https://example.com")
}

// PerCall: resty.New() in an exported library method, used once.
func (s *Server) PerCall() error { // want PerCall:`buildsPool\(http.Transport\)`
	return restylike.New().Get("https://example.com") // want `restylike.New builds a new http.Transport per call of \(\*Server\).PerCall, dropped after use`
}

func goodSession(w http.ResponseWriter, r *http.Request) {
	hc, _ := restylike.NewSession()
	hc.Get("https://example.com")
}

func (s *Server) badSessionCert(w http.ResponseWriter, r *http.Request) {
	hc := &http.Client{}
	restylike.SetTLS(&restylike.TLSOptions{Cert: s.cert, Key: s.cert}, hc) // want `restylike.SetTLS builds a new http.Transport on every call, here per request in handler \(\*Server\).badSessionCert`
	hc.Get("https://example.com")
}
