// Package globaldefault is a plugin that changes the process-wide
// default transport (corpus: telegraf's prometheus input sets an
// InsecureSkipVerify TLS config on it before each pod-list request).
package globaldefault

import (
	"crypto/tls"
	"net/http"
)

func badUpdatePodList(req *http.Request) error {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `^sets TLSClientConfig on http\.DefaultTransport, which every client without a transport of its own shares, so the whole program changes; set it on a transport of your own \(http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\)\)$`
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodOwnTransport(req *http.Request) error {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	resp, err := (&http.Client{Transport: t}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodReadsDefault() bool {
	return http.DefaultTransport.(*http.Transport).TLSClientConfig == nil
}
