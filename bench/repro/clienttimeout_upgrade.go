//go:build repro

// clienttimeout false positive, from k8s.io/client-go@v0.37.2
// tools/remotecommand/spdy.go:106: a client built for one protocol
// upgrade request (exec/attach over SPDY or websocket). Its streams live
// as long as the session; a Timeout would cut them (golang/go#31391).
// The doc says clients for protocol upgrades stay silent; a client whose
// only request carries "Connection: Upgrade" is recognisable locally.
package repro

import (
	"context"
	"net/http"
)

func goodUpgradeClient(ctx context.Context, rt http.RoundTripper, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "SPDY/3.1")
	client := http.Client{Transport: rt} // reported: "http.Client literal has no Timeout"
	return client.Do(req)
}
