package paths

import (
	"errors"
	"fmt"
	"log"
	"net/http"
)

var client = &http.Client{}

func badEarlyReturn(req *http.Request) error {
	resp, err := client.Do(req) // want `response body is not closed on the path that returns here; close it with defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

func goodEarlyReturn(req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

func badEndOfFunction(url string) {
	resp, err := http.Get(url) // want `response body is not closed on the path that reaches the end of the function`
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusOK {
		resp.Body.Close()
	}
}

func goodBothBranches(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusOK {
		resp.Body.Close()
	} else {
		resp.Body.Close()
	}
}

func badNeverClosed(url string) int {
	resp, err := http.Get(url) // want `response body is never closed; close it with defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func goodDeferClosure(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil {
			log.Print(cerr)
		}
	}()
	return resp.StatusCode
}

func goodErrEqualNil(url string) int {
	if resp, err := http.Get(url); err == nil {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	return 0
}

func badErrEqualNilNoClose(url string) int {
	if resp, err := http.Get(url); err == nil { // want `response body is never closed`
		return resp.StatusCode
	}
	return 0
}

func goodNilCheckFirst(url string) error {
	resp, err := http.Get(url)
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

func goodBranchAssignClosedOnce(url string, post bool) error {
	var resp *http.Response
	var err error
	if post {
		resp, err = http.Post(url, "text/plain", nil)
	} else {
		resp, err = http.Get(url)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func goodSwitchAssignClosedOnce(url string, mode int) error {
	var resp *http.Response
	var err error
	switch mode {
	case 0:
		resp, err = http.Get(url)
	case 1:
		resp, err = http.Head(url)
	default:
		resp, err = http.Post(url, "text/plain", nil)
	}
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func badSwitchAssignOneCaseReturns(url string, mode int) error {
	var resp *http.Response
	var err error
	switch mode {
	case 0:
		resp, err = http.Get(url)
	default:
		resp, err = http.Post(url, "text/plain", nil) // want `response body is not closed on the path that returns here`
		if err == nil && resp.StatusCode == 404 {
			return errors.New("missing")
		}
	}
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func badErrReusedAfterRead(url string) error {
	resp, err := http.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	_, err = fmt.Println(resp.Status)
	if err != nil {
		return err // err now belongs to Println: the body leaks here
	}
	resp.Body.Close()
	return nil
}

func goodErrorsIs(url string) error {
	resp, err := http.Get(url)
	if errors.Is(err, http.ErrHandlerTimeout) {
		return err
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func goodPanicPath(url string) {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != 200 {
		log.Fatalf("status %d", resp.StatusCode)
	}
	resp.Body.Close()
}

func badDiscarded(url string) error {
	http.Get(url)         // want `response is discarded, so its body is never closed`
	_, err := http.Get(url) // want `response is discarded, so its body is never closed`
	return err
}

func goodNamedResult(url string) (resp *http.Response, err error) {
	resp, err = http.Get(url)
	if err != nil {
		return
	}
	return
}

func badOrCondition(url string) error {
	resp, err := http.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil || resp.StatusCode != 200 {
		return errors.New("bad")
	}
	return resp.Body.Close()
}

func goodAndCondition(url string) error {
	resp, err := http.Get(url)
	if err == nil && resp != nil {
		defer resp.Body.Close()
	}
	return err
}

func goodResponseCloseField(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.Close
}

func badResponseCloseFieldIsNotAClose(url string) bool {
	resp, err := http.Get(url) // want `response body is never closed`
	if err != nil {
		return false
	}
	return resp.Close
}
