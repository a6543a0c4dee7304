// Command globalmain tunes its own program's default transport on
// purpose (as prometheus's main does with conntrack): not reported.
package main

import "net/http"

func main() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 32
	resp, err := http.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}
