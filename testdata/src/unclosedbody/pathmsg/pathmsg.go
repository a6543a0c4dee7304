// Package pathmsg: the related location names a leak the program can
// take (TestRelated checks that it is the line marked "// leak"). A path that leaves a switch through no case (or through a
// default case), where earlier validation may rule that out, is named
// only when no other path leaks.
package pathmsg

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

type kind int

const (
	kindA kind = iota
	kindB
)

func validate(k kind) error {
	if k != kindA && k != kindB {
		return errors.New("bad kind")
	}
	return nil
}

// The decode error return leaks. A search in source order would first
// take the path through no case of the switch, which validate rules
// out, and name its return; the finding names the decode error return.
func badDecodeError(c *http.Client, req *http.Request, k kind, v any) error {
	if err := validate(k); err != nil {
		return err
	}
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err == nil {
		switch k {
		case kindA:
			resp.Body.Close()
		case kindB:
			resp.Body.Close()
		}
		return nil
	}
	return fmt.Errorf("decode: %w", err) // leak
}

// The same with the status: the non-200 return is named, not the
// default case.
func badNon200(c *http.Client, req *http.Request, k kind) error {
	if err := validate(k); err != nil {
		return err
	}
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		switch k {
		case kindA, kindB:
			resp.Body.Close()
			return nil
		default:
			return errors.New("unreachable after validation")
		}
	}
	return fmt.Errorf("status %d", resp.StatusCode) // leak
}

// The look-alike: every case closes, and only the no-case path is
// left. That path is still a leak the code allows (nothing stops k
// from being a third value here), so it is reported, at the return.
func badOnlyNoCase(c *http.Client, req *http.Request, k kind) error {
	resp, err := c.Do(req) // want `response body is not closed on the path that returns here`
	if err != nil {
		return err
	}
	switch k {
	case kindA:
		resp.Body.Close()
	case kindB:
		resp.Body.Close()
	}
	return nil // leak
}

func goodAllClosed(c *http.Client, req *http.Request, k kind, v any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch k {
	case kindA:
		return json.NewDecoder(resp.Body).Decode(v)
	default:
		return nil
	}
}
