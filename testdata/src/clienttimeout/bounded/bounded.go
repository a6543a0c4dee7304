// Package bounded: requests that carry a context the caller controls
// are bounded by it; requests rooted in context.Background or built
// without a context are not, and the finding says so.
package bounded

import (
	"context"
	"net/http"
	"time"
)

var transport = http.DefaultTransport

// A client kept in a field, used by methods that take ctx and pass it
// to every request.

type API struct{ hc *http.Client }

func NewAPI() *API { return &API{hc: &http.Client{Transport: transport}} }

func (a *API) Get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

func (a *API) Delete(ctx context.Context, u string) (*http.Response, error) {
	ctx, cancel := context.WithCancel(ctx) // derived from the caller's
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	if err != nil {
		return nil, err
	}
	hc := a.hc
	return hc.Do(req)
}

// The same shape where one method drops the context it has.

type Store struct{ hc *http.Client }

func NewStore() *Store {
	return &Store{hc: &http.Client{Transport: transport}} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(ctx is in scope but not used for the request\); set Timeout`
}

func (s *Store) Get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return s.hc.Do(req)
}

func (s *Store) Put(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, u, nil)
	if err != nil {
		return nil, err
	}
	return s.hc.Do(req)
}

// A handler passes the incoming request's context on.

var proxyClient = &http.Client{Transport: transport}

func goodHandler(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, "http://backend/", nil)
	if err != nil {
		return
	}
	resp, err := proxyClient.Do(req.WithContext(r.Context()))
	if err != nil {
		return
	}
	resp.Body.Close()
}

var backendClient = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(r\.Context\(\) is in scope but not used for the request\)`

func badHandler(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, "http://backend/", nil)
	if err != nil {
		return
	}
	resp, err := backendClient.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// http.DefaultClient with the caller's context, and with a TODO.

func goodDefaultClientCallersContext(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func badDefaultClientTODO(u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `^http\.DefaultClient has no Timeout, so a stalled server blocks it forever \(the request's context is context\.TODO\(\), which has no deadline\); use`
}

func badGetWithContextInScope(ctx context.Context, u string) (*http.Response, error) {
	return http.Get(u) // want `^http\.Get uses http\.DefaultClient, which has no Timeout, so a stalled server blocks it forever \(ctx is in scope but not used for the request\); use`
}

// A request built by a helper given the caller's context, sent by an
// unexported do(req) whose every caller passes such a request.

type Service struct{ hc *http.Client }

func NewService() *Service { return &Service{hc: &http.Client{Transport: transport}} }

func (s *Service) newRequest(ctx context.Context, method, u string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, u, nil)
}

func (s *Service) do(req *http.Request) (*http.Response, error) { return s.hc.Do(req) }

func (s *Service) List(ctx context.Context) (*http.Response, error) {
	req, err := s.newRequest(ctx, http.MethodGet, "https://svc.example.com/items")
	if err != nil {
		return nil, err
	}
	return s.do(req)
}

// The same shape with one caller that builds its request without one.

type Queue struct{ hc *http.Client }

func NewQueue() *Queue {
	return &Queue{hc: &http.Client{Transport: transport}} // want `^http\.Client literal has no Timeout`
}

func (q *Queue) do(req *http.Request) (*http.Response, error) { return q.hc.Do(req) }

func (q *Queue) Pop(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://q.example.com/pop", nil)
	if err != nil {
		return nil, err
	}
	return q.do(req)
}

func (q *Queue) Len() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://q.example.com/len", nil)
	if err != nil {
		return nil, err
	}
	return q.do(req)
}

// A long-lived client whose every request carries a deadline made in
// the sending function (corpus: shoutrrr mattermost).

type Notifier struct{ hc *http.Client }

func (n *Notifier) Initialize() { n.hc = &http.Client{Transport: transport} }

// HTTPClient is a getter, for tests and wiring: not a send.
func (n *Notifier) HTTPClient() *http.Client { return n.hc }

func (n *Notifier) Send(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := n.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Pager struct{ hc *http.Client }

func (p *Pager) Initialize() {
	p.hc = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\), which has no deadline\)`
}

// HTTPClient hands the client on after using it: not a getter.
func (p *Pager) HTTPClient() *http.Client {
	p.hc.CloseIdleConnections()
	return p.hc
}

func (p *Pager) Send(u string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A deadline made by a request-building helper that returns the
// request and its cancel function (corpus: shoutrrr signal).

func createRequest(u string) (*http.Request, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	return req, cancel, nil
}

func sendRequest(req *http.Request) error {
	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Signal(u string) error {
	req, cancel, err := createRequest(u)
	if err != nil {
		return err
	}
	defer cancel()
	return sendRequest(req)
}

func createPlainRequest(u string) (*http.Request, error) {
	return http.NewRequest(http.MethodPost, u, nil)
}

func sendPlain(req *http.Request) error {
	client := &http.Client{} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request is built by http\.NewRequest, with no context\)`
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Plain(u string) error {
	req, err := createPlainRequest(u)
	if err != nil {
		return err
	}
	return sendPlain(req)
}

// A client handed to a call together with the request it sends
// (corpus: client-go spdy.NegotiateStreaming(upgrader, &client, req)).

func negotiate(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodHandedWithRequest(ctx context.Context, t http.RoundTripper, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	client := http.Client{Transport: t}
	return negotiate(&client, req)
}

func badHandedWithBackgroundRequest(t http.RoundTripper, u string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	client := http.Client{Transport: t} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(the request's context is context\.Background\(\)`
	return negotiate(&client, req)
}

// A request builder that keeps its context in a field: bounded by the
// operation's context, unless the package defaults the field to
// context.Background() (corpus: oauth2-proxy requests.builder).

var builderClient = &http.Client{Transport: transport} // want `^http\.Client literal has no Timeout, so a stalled server blocks its requests forever \(b\.ctx may be context\.Background\(\), which has no deadline\)`

type builder struct {
	ctx context.Context
	url string
}

func (b *builder) Do() (*http.Response, error) {
	if b.ctx == nil {
		b.ctx = context.Background()
	}
	req, err := http.NewRequestWithContext(b.ctx, http.MethodGet, b.url, nil)
	if err != nil {
		return nil, err
	}
	return builderClient.Do(req)
}

var opClient = &http.Client{Transport: transport}

type operation struct {
	ctx context.Context
	url string
}

func newOperation(ctx context.Context, u string) *operation { return &operation{ctx: ctx, url: u} }

func (o *operation) Do() (*http.Response, error) {
	req, err := http.NewRequestWithContext(o.ctx, http.MethodGet, o.url, nil)
	if err != nil {
		return nil, err
	}
	return opClient.Do(req)
}
