// Package upgrade: after 101 Switching Protocols the body is the
// connection. Asserted to io.ReadWriteCloser (or io.Writer) and
// returned or stored, it is handed on to the caller, who closes it.
package upgrade

import (
	"errors"
	"io"
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
