// Package upgrade: after 101 Switching Protocols the body is the
// connection. Asserted to io.ReadWriteCloser (or io.Writer) and
// returned or stored, it is handed on to the caller, who closes it.
// On a path where the status is 101, a return that hands the caller a
// connection (the one the function dialed) hands on the upgrade.
package upgrade

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
)

type conn struct {
	rwc io.ReadWriteCloser
}

func goodUpgradeReturned(c *http.Client, req *http.Request) (io.ReadWriteCloser, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, errors.New("no upgrade")
	}
	rwc, ok := resp.Body.(io.ReadWriteCloser)
	if !ok {
		resp.Body.Close()
		return nil, errors.New("body is not writable")
	}
	return rwc, nil
}

func goodUpgradeStored(c *http.Client, req *http.Request, into *conn) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return errors.New("no upgrade")
	}
	into.rwc = resp.Body.(io.ReadWriteCloser)
	return nil
}

func goodUpgradeWriter(c *http.Client, req *http.Request) (io.Writer, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	w, ok := resp.Body.(io.Writer)
	if !ok {
		resp.Body.Close()
		return nil, errors.New("body is not writable")
	}
	return w, nil
}

// The twin: the assertion only tests the body; nothing keeps it.
func badUpgradeChecked(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `response body is never closed`
	if err != nil {
		return err
	}
	if _, ok := resp.Body.(io.ReadWriteCloser); !ok {
		return errors.New("body is not writable")
	}
	return nil
}

// connTransport sends one request over a connection the caller dialed
// (moby's hijackedConn).
type connTransport struct {
	c net.Conn
}

func (t *connTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Write(t.c); err != nil {
		return nil, err
	}
	return http.ReadResponse(bufio.NewReader(t.c), req)
}

// moby client hijack.go:99: after 101 the connection the function
// dialed is returned; the response is done with.
func goodUpgradeOwnConn(dial func() (net.Conn, error), req *http.Request) (net.Conn, error) {
	conn, err := dial()
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "tcp")
	var rt http.RoundTripper = &connTransport{conn}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		conn.Close()
		return nil, errors.New("no upgrade")
	}
	return conn, nil
}

// The twin: the upgraded connection is dropped.
func badUpgradeDropped(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return errors.New("no upgrade")
	}
	return nil
}

// And a connection returned on a path where the status is not 101 is
// not the upgrade.
func badConnWithoutUpgrade(dial func() (net.Conn, error), req *http.Request) (net.Conn, error) {
	conn, err := dial()
	if err != nil {
		return nil, err
	}
	var rt http.RoundTripper = &connTransport{conn}
	resp, err := rt.RoundTrip(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		return conn, nil
	}
	resp.Body.Close()
	return nil, errors.New("unexpected status")
}
