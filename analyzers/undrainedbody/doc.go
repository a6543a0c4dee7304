// Package undrainedbody defines an Analyzer that reports HTTP response
// bodies closed before they are read to EOF.
//
// # Analyzer undrainedbody
//
// undrainedbody: report response bodies closed before they are read to EOF (opt-in: -undrainedbody.enable)
//
// On HTTP/1.1, a response body closed before it has been read to EOF
// cannot hand its connection back to the pool: the transport closes the
// connection instead, and the next request pays a new TCP and TLS
// handshake. Under load that is a stream of short-lived connections and
// TIME_WAIT sockets, even though every body is closed.
//
// The analyzer follows each response along the function's control-flow
// graph, like unclosedbody, and reports a close (resp.Body.Close(), or
// defer resp.Body.Close() when the function returns) reached on some
// path where the body was not read. Typical shapes:
//
//   - status-only checks: if resp.StatusCode != http.StatusOK { return err }
//     with a deferred close;
//   - json.NewDecoder(resp.Body).Decode(&v) with nothing after it: the
//     decoder stops at the end of the first value and leaves the rest
//     (at least the trailing newline) unread. xml.NewDecoder likewise.
//
// It is silent when the body is read to EOF (io.ReadAll, io.Copy,
// io.Copy(io.Discard, resp.Body), a Read loop), handed to any other
// function or owner, for HEAD requests (http.Head, (*http.Client).Head,
// or (*http.Client).Do and RoundTrip with a request built by
// http.NewRequest("HEAD", ...) in the same function, and helpers, in
// this package or another, that return only such responses), on branches where
// the status is 204 or 304 (no body), where the error is non-nil, and
// for responses whose callee already read, closed and replaced the body
// (the same NoOpenResponse facts as unclosedbody), or did so for every
// status but a success, on the paths where the caller's tests rule
// success out. It follows the same paths as unclosedbody.
//
// Nor does it report where draining cannot help:
//
//   - the response to a protocol-upgrade request (the request carries an
//     Upgrade or Sec-WebSocket-* header set in the same function): on
//     101 its body is the connection, which never reaches EOF, and the
//     connection was asked for the upgrade, not for the pool;
//   - a response sent through a pool built for this one request and
//     dropped (a local &http.Client{Transport: &http.Transport{...}},
//     or a Clone(), used once and not kept): no connection of it is ever
//     reused. The pool per call is the bug; perrequest reports it;
//   - a response read with http.ReadResponse from a connection the
//     function dialed (a CONNECT reply), and paths where the request's
//     context is done (net/http closed the connection).
//
// BAD:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//	return json.NewDecoder(resp.Body).Decode(&v)
//
// GOOD: drain what is left before closing.
//
//	defer func() {
//		_, _ = io.Copy(io.Discard, resp.Body)
//		resp.Body.Close()
//	}()
//
// The suggested fix rewrites the close that way. Drain only bodies of
// bounded size: io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
// keeps a huge unwanted body from being downloaded just to save a
// connection.
//
// The analyzer is off by default. On real code most findings are the
// status-check and JSON-decode shapes above; they are true, but cost a
// connection only on HTTP/1.1 and only on those paths, and fixing every
// one is a style decision a team should opt into. go vet runs every
// analyzer in a tool, so the switch is a flag:
//
//	go vet -vettool=$(which poollint) -undrainedbody.enable ./...
//	poollint -undrainedbody.enable ./...
//
// Test helpers outside _test.go files (functions that take a *testing.T,
// *testing.B, *testing.F or testing.TB) are skipped like test files.
//
// Flags:
//
//	-undrainedbody.enable  report findings (default false)
//	-undrainedbody.tests  also report in _test.go files and test helpers (default false)
package undrainedbody
