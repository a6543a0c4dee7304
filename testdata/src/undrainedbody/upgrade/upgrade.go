// Package upgrade: the response to a protocol-upgrade request is a
// handshake. On 101 its body is the connection, which never reaches
// EOF; on failure the connection was dialed for the upgrade. Draining
// is the wrong advice.
package upgrade

import (
	"errors"
	"net/http"
)

const protocolHeader = "Sec-WebSocket-Protocol"

// moby client hijack.go:104.
func goodUpgradeFailed(rt http.RoundTripper, req *http.Request, proto string) (*http.Response, error) {
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", proto)
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, errors.New("no upgrade")
	}
	return resp, nil
}

// client-go transport/websocket/roundtripper.go:218: the handshake
// response is closed, the websocket connection is kept elsewhere.
func goodWebsocketHandshake(rt http.RoundTripper, req *http.Request, protocols []string) error {
	req.Header[protocolHeader] = protocols
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The twin: an ordinary request, its body closed unread.
func badPlainRequest(rt http.RoundTripper, req *http.Request) error {
	req.Header.Set("Accept", "application/json")
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close() // want `response body is closed before it is read to EOF`
}
