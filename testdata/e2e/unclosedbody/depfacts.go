package bodydemo

import (
	"io"

	"example.com/e2e"
)

// Helpers from a dependency that does not import net/http: under go vet
// their facts come from the dependency's unit.

func GoodDependencyCloses(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer e2e.CloseQuietly(resp.Body)
	return io.ReadAll(resp.Body)
}

func GoodDependencyDies(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case 200:
		defer resp.Body.Close()
	default:
		e2e.Die("%s: status %d", url, resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// The twin: Warn returns, so the body leaks on the non-200 path.
func BadDependencyWarns(url string) ([]byte, error) {
	resp, err := client.Get(url) // want `response body is not closed on the path that returns here`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		e2e.Warn("%s: status %d", url, resp.StatusCode)
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
