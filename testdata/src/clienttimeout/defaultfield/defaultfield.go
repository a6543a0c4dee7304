// Package defaultfield: http.DefaultClient kept in a field of a struct
// literal (nikoksr/notify's http service: &Service{client:
// http.DefaultClient}) is judged by the requests sent through the
// field.
package defaultfield

import (
	"context"
	"net/http"
)

type Service struct{ client *http.Client }

func New() *Service { return &Service{client: http.DefaultClient} }

func (s *Service) WithClient(c *http.Client) { s.client = c }

func (s *Service) Send(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin sends without a context.

type BadService struct{ client *http.Client }

func NewBad() *BadService {
	return &BadService{client: http.DefaultClient} // want `^http\.DefaultClient has no Timeout`
}

func (s *BadService) Send(u string) error {
	req, err := http.NewRequest(http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
