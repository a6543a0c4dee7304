package testsincluded

import (
	"net/http"
	"testing"
)

func TestTransport(t *testing.T) {
	_ = &http.Transport{} // want `^http\.Transport literal drops DefaultTransport's Proxy`
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	_ = tr
}
