// Package issue42: bodyclose#42, a response stored in a struct field
// and closed through an accessor.
package issue42

import (
	"fmt"
	"io"
	"net/http"
)

type MyResp struct {
	resp *http.Response
}

func (r *MyResp) Response() *http.Response { return r.resp }

func goodField() {
	tmp := &MyResp{}
	var err error
	tmp.resp, err = http.Get("http://example.com/")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer tmp.Response().Body.Close()
	body, _ := io.ReadAll(tmp.Response().Body)
	fmt.Println(body)
}

func badLocal() {
	resp, err := http.Get("http://example.com/") // want `response body is never closed`
	if err != nil {
		return
	}
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(body)
}
