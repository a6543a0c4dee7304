package crosspkg

import (
	"net/http"

	"unclosedbody/crosspkg/closers"
)

func goodClosedByOtherPackage(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer closers.Close(resp.Body)
}

func goodVariadic(a, b string) {
	r1, err := http.Get(a)
	if err != nil {
		return
	}
	r2, err := http.Get(b)
	if err != nil {
		r1.Body.Close()
		return
	}
	closers.CloseAll(r1.Body, r2.Body)
}

func goodRegisteredWithMethod(cl *closers.Closers, url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	cl.Add(resp.Body)
}

func badOnlyDrainedByOtherPackage(url string) {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return
	}
	closers.Drain(resp.Body)
}
