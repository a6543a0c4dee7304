// Package alternative: a client without Timeout on one arm of an if
// statement whose other arm sets Timeout from a value the condition
// tests is the configured choice, not an omission.
package alternative

import (
	"net/http"
	"time"
)

type Config struct {
	Timeout   time.Duration
	Transport http.RoundTripper
}

func goodElse(cfg *Config) *http.Client {
	var c *http.Client
	if cfg.Transport != http.DefaultTransport || cfg.Timeout > 0 {
		c = &http.Client{Transport: cfg.Transport, Timeout: cfg.Timeout}
	} else {
		c = http.DefaultClient
	}
	return c
}

func badElseUntested(cfg *Config, custom bool) *http.Client {
	var c *http.Client
	if custom {
		c = &http.Client{Transport: cfg.Transport, Timeout: cfg.Timeout}
	} else {
		c = http.DefaultClient // want `^http\.DefaultClient has no Timeout`
	}
	return c
}

func goodReturnThenFallThrough(cfg Config) *http.Client {
	if cfg.Timeout != 0 {
		return &http.Client{Transport: cfg.Transport, Timeout: cfg.Timeout}
	}
	return &http.Client{Transport: cfg.Transport}
}

func goodUntimedFirst(timeout time.Duration) *http.Client {
	if timeout <= 0 {
		return &http.Client{}
	}
	c := &http.Client{}
	c.Timeout = timeout
	return c
}

func badNoReturn(cfg Config) *http.Client {
	c := &http.Client{Transport: cfg.Transport} // want `^http\.Client literal has no Timeout`
	if cfg.Timeout != 0 {
		_ = &http.Client{Transport: cfg.Transport, Timeout: cfg.Timeout}
	}
	return c
}

func badConstantTimeout(fast bool) *http.Client {
	if fast {
		return &http.Client{Timeout: time.Second}
	}
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}

func badTwoClients(cfg Config) (*http.Client, *http.Client) {
	if cfg.Timeout > 0 {
		api := &http.Client{Timeout: cfg.Timeout}
		auth := &http.Client{} // want `^http\.Client literal has no Timeout`
		return api, auth
	}
	return nil, nil
}

type Options struct{ TimeoutSeconds int }

func goodTestsPartOfValue(o Options) *http.Client {
	if o.TimeoutSeconds > 0 {
		return &http.Client{Timeout: time.Duration(o.TimeoutSeconds) * time.Second}
	}
	return &http.Client{}
}

func badTestsOtherVariable(o Options, retries int) *http.Client {
	if retries > 0 {
		return &http.Client{Timeout: time.Duration(o.TimeoutSeconds) * time.Second}
	}
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}

func badElseOfElse(cfg Config, custom bool) *http.Client {
	if cfg.Timeout > 0 {
		return nil
	} else if custom {
		return &http.Client{Timeout: cfg.Timeout}
	}
	return &http.Client{} // want `^http\.Client literal has no Timeout`
}
