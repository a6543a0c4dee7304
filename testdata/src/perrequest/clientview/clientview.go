// want package:"hasPoolBuilders"

// Package clientview keeps or drops a retrying client through the
// *http.Client view it hands out (corpus: godo's New stores
// retryableClient.StandardClient() in the client it returns).
package clientview

import (
	"net/http"

	"perrequest/clientview/retrylib"
)

type API struct {
	HTTPClient *http.Client
}

// GoodNew keeps the retrying client: its view is stored in the API it
// returns.
func GoodNew(retries int) *API { // want GoodNew:`buildsPool\(http.Transport, returned\)`
	a := &API{HTTPClient: http.DefaultClient}
	if retries > 0 {
		rc := retrylib.NewClient()
		rc.RetryMax = retries
		a.HTTPClient = rc.StandardClient()
	}
	return a
}

// GoodReturnView returns the view, and with it the pool.
func GoodReturnView() *http.Client { // want GoodReturnView:`buildsPool\(http.Transport, returned\)`
	rc := retrylib.NewClient()
	return rc.StandardClient()
}

// BadGet builds a retrying client, sends once through its view and
// drops both.
func BadGet(url string) error { // want BadGet:`buildsPool\(http.Transport\)`
	rc := retrylib.NewClient() // want `retrylib.NewClient builds a new http.Transport per call of BadGet, dropped after use`
	resp, err := rc.StandardClient().Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// BadReturnResponse returns the response, not the pool: a response
// does not carry the client.
func BadReturnResponse(url string) (*http.Response, error) { // want BadReturnResponse:`buildsPool\(http.Transport\)`
	rc := retrylib.NewClient() // want `retrylib.NewClient builds a new http.Transport per call of BadReturnResponse, dropped after use`
	hc := rc.StandardClient()
	return hc.Get(url)
}
