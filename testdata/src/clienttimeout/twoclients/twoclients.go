// Package twoclients: two clients on one transport in one literal, one
// with a Timeout and one deliberately without, chosen per call.
package twoclients

import (
	"net/http"
	"time"
)

type Approver struct {
	client     *http.Client // ordinary calls
	waitClient *http.Client // waits for a human to approve
}

func NewApprover(t http.RoundTripper) *Approver {
	return &Approver{
		client:     &http.Client{Transport: t, Timeout: 30 * time.Second},
		waitClient: &http.Client{Transport: t},
	}
}

type Mirror struct {
	client, other *http.Client
}

func NewMirror(t, u http.RoundTripper) *Mirror {
	return &Mirror{
		client: &http.Client{Transport: t, Timeout: 30 * time.Second},
		other:  &http.Client{Transport: u}, // want `^http\.Client literal has no Timeout`
	}
}
