// Package basic holds the poolconfig rules on literals, each with a
// silent look-alike.
package basic

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

var sink *http.Client

func use(c *http.Client) { sink = c }

// Defaults dropped.

func badBareLiteral() {
	use(&http.Client{Transport: &http.Transport{}, Timeout: time.Second}) // want `^http\.Transport literal drops DefaultTransport's defaults \(Proxy, dial timeout, TLS handshake timeout\) and leaves IdleConnTimeout at 0 \(idle connections never close\) and MaxIdleConnsPerHost at 2; start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\) and set MaxIdleConnsPerHost to the expected concurrency per host$`
}

func goodMirrorsDefaults() {
	use(&http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}, Timeout: time.Second})
}

func badNew() *http.Transport {
	return new(http.Transport) // want `^new\(http\.Transport\) drops DefaultTransport's defaults`
}

func goodClone() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return t
}

// MaxIdleConnsPerHost.

func badCloneKeepsTwoPerHost() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone() // want `^http\.Transport cloned from DefaultTransport leaves MaxIdleConnsPerHost at 2; set MaxIdleConnsPerHost to the expected concurrency per host$`
}

func goodCloneSizedInLiteralPath() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = http.DefaultMaxIdleConnsPerHost // explicit: a decision
	return t
}

func badPerHostZero() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `^http\.Transport cloned from DefaultTransport sets MaxIdleConnsPerHost to 0, which means 2, not unlimited; set MaxIdleConnsPerHost`
	t.MaxIdleConnsPerHost = 0
	return t
}

func goodPerHostPositive() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 1
	return t
}

func badPerHostNegative() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `sets MaxIdleConnsPerHost to -1, which keeps no idle connections`
	t.MaxIdleConnsPerHost = -1
	return t
}

// IdleConnTimeout.

func badNoIdleTimeout() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal leaves IdleConnTimeout at 0 \(idle connections never close\); set IdleConnTimeout \(DefaultTransport uses 90s\)$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 32,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodExplicitZeroIdleTimeout() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     0, // the peer closes idle connections for us
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

// MaxIdleConnsPerHost above MaxIdleConns.

func badCapped() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `^http\.Transport cloned from DefaultTransport lets MaxIdleConns 100 \(inherited from DefaultTransport\) cap MaxIdleConnsPerHost 200; raise MaxIdleConns to at least 200$`
	t.MaxIdleConnsPerHost = 200
	return t
}

func goodRaisedTotal() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 400
	t.MaxIdleConnsPerHost = 200
	return t
}

func badCappedLiteral() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal lets MaxIdleConns 10 cap MaxIdleConnsPerHost 64; raise MaxIdleConns to at least 64$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        10,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodUnlimitedTotalLiteral() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        0, // unlimited
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

// DisableKeepAlives.

func badKeepAlivesOff() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `^http\.Transport cloned from DefaultTransport turns keep-alives off, so every request opens a new connection; remove DisableKeepAlives$`
	t.MaxIdleConnsPerHost = 8
	t.DisableKeepAlives = true
	return t
}

func goodKeepAlivesOn() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 8
	t.DisableKeepAlives = false
	return t
}

func badKeepAlivesOnParam(t *http.Transport) { // want badKeepAlivesOnParam:`configuresTransport\(t: DisableKeepAlives\)`
	t.DisableKeepAlives = true // want `^DisableKeepAlives set to true makes every request open a new connection; remove it so the transport reuses connections$`
}

func goodKeepAlivesReadOnParam(t *http.Transport) bool {
	return t.DisableKeepAlives
}

func badPerHostZeroOnParam(t *http.Transport) { // want badPerHostZeroOnParam:`configuresTransport\(t: MaxIdleConnsPerHost\)`
	t.MaxIdleConnsPerHost = 0 // want `^MaxIdleConnsPerHost set to 0 means 2, not unlimited; set it to the expected concurrency per host$`
}

func goodPerHostOnParam(t *http.Transport) { // want goodPerHostOnParam:`configuresTransport\(t: MaxIdleConnsPerHost\)`
	t.MaxIdleConnsPerHost = 50
}

// HTTP/2.

func badCustomTLSNoHTTP2() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal sets a custom TLSClientConfig and DialContext without ForceAttemptHTTP2, which turns HTTP/2 off; set ForceAttemptHTTP2: true$`
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodCustomTLSWithHTTP2() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodHTTP2DeliberatelyOff() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSNextProto:        map[string]func(string, *tls.Conn) http.RoundTripper{}, // documented way to disable HTTP/2
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func goodCloneWithCustomTLS() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // inherits ForceAttemptHTTP2
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS13}
	t.MaxIdleConnsPerHost = 32
	return t
}

// Everything at once: one diagnostic, not one per field.

func badEverything() *http.Transport {
	return &http.Transport{ // want `^http\.Transport literal drops DefaultTransport's defaults \(Proxy, TLS handshake timeout\); leaves IdleConnTimeout at 0 \(idle connections never close\); sets MaxIdleConnsPerHost to 0, which means 2, not unlimited; turns keep-alives off, so every request opens a new connection; and sets a custom DialContext without ForceAttemptHTTP2, which turns HTTP/2 off; start from http\.DefaultTransport\.\(\*http\.Transport\)\.Clone\(\), set MaxIdleConnsPerHost to the expected concurrency per host, and remove DisableKeepAlives$`
		DialContext:         (&net.Dialer{}).DialContext,
		MaxIdleConnsPerHost: 0,
		DisableKeepAlives:   true,
	}
}

func goodNothingToSay() *http.Transport {
	return &http.Transport{
		Proxy:               nil, // no proxy, on purpose
		DialContext:         (&net.Dialer{}).DialContext,
		ForceAttemptHTTP2:   false,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     time.Minute,
		TLSHandshakeTimeout: time.Second,
	}
}
