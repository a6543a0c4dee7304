// Package fix holds the clone rewrite: applied where the statement
// shape allows, not offered elsewhere.
package fix

import (
	"crypto/tls"
	nethttp "net/http"
	"time"
)

func badDefine() *nethttp.Transport {
	t := &nethttp.Transport{ // want `drops DefaultTransport's`
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
		},
		MaxIdleConnsPerHost: 32,
	}
	return t
}

func badAssign() *nethttp.Transport {
	var t *nethttp.Transport
	t = &nethttp.Transport{MaxIdleConnsPerHost: 16, IdleConnTimeout: time.Minute} // want `drops DefaultTransport's`
	return t
}

func badVar() *nethttp.Client {
	var t = new(nethttp.Transport) // want `^new\(http\.Transport\) drops`
	t.MaxIdleConnsPerHost = 8
	return &nethttp.Client{Transport: t}
}

func badInSwitch(n int) *nethttp.Transport {
	switch n {
	case 1:
		t := &nethttp.Transport{} // want `drops DefaultTransport's`
		t.MaxIdleConnsPerHost = 4
		return t
	}
	return nil
}

// No fix: the shapes below cannot take a statement after them, or
// the clone's MaxIdleConns of 100 would cap the pool.

func badNoFixInClient() *nethttp.Client {
	return &nethttp.Client{Transport: &nethttp.Transport{MaxIdleConnsPerHost: 8}} // want `drops DefaultTransport's`
}

func badNoFixInIf() {
	if t := (&nethttp.Transport{MaxIdleConnsPerHost: 8}); t != nil { // want `drops DefaultTransport's`
		_ = t
	}
}

func badCommentKept() *nethttp.Transport {
	t := &nethttp.Transport{ // want `drops DefaultTransport's`
		// sized for the batch importer
		MaxIdleConnsPerHost: 8,
	}
	return t
}

func badNoFixWouldCap() *nethttp.Transport {
	t := &nethttp.Transport{MaxIdleConnsPerHost: 500} // want `drops DefaultTransport's`
	return t
}

func badNoFixValue() *nethttp.Transport {
	t := nethttp.Transport{MaxIdleConnsPerHost: 8} // want `drops DefaultTransport's`
	return &t
}

func goodAlreadyClone() *nethttp.Transport {
	t := nethttp.DefaultTransport.(*nethttp.Transport).Clone()
	t.MaxIdleConnsPerHost = 8
	return t
}
