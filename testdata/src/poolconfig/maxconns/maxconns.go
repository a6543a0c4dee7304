// Package maxconns is run with -maxconns.
package maxconns

import "net/http"

func badUnlimited() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `^http\.Transport cloned from DefaultTransport leaves MaxConnsPerHost unlimited; set MaxConnsPerHost to what the server can take$`
	t.MaxIdleConnsPerHost = 16
	return t
}

func goodLimited() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	t.MaxConnsPerHost = 64
	return t
}

func goodExplicitlyUnlimited() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	t.MaxConnsPerHost = 0 // unlimited on purpose: the server scales
	return t
}
