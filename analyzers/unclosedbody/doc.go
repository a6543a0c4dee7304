// Package unclosedbody defines an Analyzer that reports HTTP response
// bodies that are not closed on every path.
//
// # Analyzer unclosedbody
//
// unclosedbody: report *http.Response bodies not closed on every path after a nil error
//
// An *http.Response whose Body is never closed keeps its connection out
// of the pool: the transport cannot reuse it, the next request dials a
// new one, and the old socket and its goroutines stay alive. Under load
// this ends in EMFILE ("too many open files") and ephemeral-port
// exhaustion.
//
// The analyzer follows each response from any call that returns
// *http.Response (net/http, or a client wrapper of your own) along the
// function's control-flow graph. It reports the response if some path
// from the point after its error check reaches a return, the end of the
// function, or the same assignment again (a retry loop that continues,
// or a loop that reassigns the variable) without closing the body. The
// message says which path leaks, and points at the return or continue.
// A response dropped on the floor (an expression statement, or _) is
// reported too.
//
// Only paths the program can take count. The path where the error is
// non-nil does not count: there the response is nil, or already closed
// by the client (Client.Do, RoundTrip). Nor do:
//
//   - branches on resp == nil or resp.Body == nil (if resp.Body != nil {
//     defer resp.Body.Close() } closes it);
//   - branches where the status is 204 or 304, or the request's Method
//     is HEAD, and responses to HEAD requests: they have no body
//     (http.NoBody), and the connection is already back in the pool;
//   - the error path of a read of the whole body (io.ReadAll(resp.Body),
//     also through io.LimitReader or bufio.NewReader, and
//     httputil.DumpResponse(resp, true)): net/http closed the connection
//     when the read failed;
//   - branches that contradict the constants last assigned to local
//     booleans on the path (a retry loop that sets ok = true before
//     break, then if !ok { return err });
//   - calls that never return (panic, log.Fatal, os.Exit, t.Fatal, and
//     your own helpers that always call one, in this package or another);
//   - for a response from a callee that closes every response but a
//     success before returning it (it reads, closes and replaces each
//     non-2xx body, as minio-go's executeMethod does), the paths where
//     the caller's own tests of StatusCode rule success out
//     (resp.StatusCode != http.StatusOK, >= 400): the callee closed the
//     body there. The success path must still close it. The analyzer
//     learns such callees from their bodies, in this package and across
//     packages: every open return is reached only through a branch that
//     asserts a success status (a comparison that allows only 2xx, or a
//     bool test of the status taken on its true side, such as a set
//     lookup), and the other side of that branch closes the response on
//     every path. A caller that tests for one 2xx code treats the others
//     as errors: if the server answered with a 2xx code the caller does
//     not test for, that body would be open on its error path;
//   - paths where the request's context is done (after <-ctx.Done() in
//     a select, or under ctx.Err() != nil): net/http closes the
//     connection of a request whose context ends. This holds for the
//     context passed to the call that returned the response, the one
//     the request was built with (http.NewRequestWithContext,
//     req.WithContext), and the contexts those derive from;
//   - after 101 Switching Protocols (a path where StatusCode is 101), a
//     return that hands the caller a connection (a value that can Read,
//     Write and Close, such as the net.Conn the function dialed for the
//     upgrade): the connection has left the pool and is handed on.
//
// When several paths leak, the message names one that does not leave a
// switch through no case (or through its default), which earlier
// validation may rule out.
//
// The body counts as closed, or as handed to a new owner, when the
// response or its Body is:
//
//   - closed: resp.Body.Close(), defer resp.Body.Close(), or a
//     deferred closure that closes it;
//   - returned, stored in a field, global, map or slice, sent on a
//     channel, or appended;
//   - captured by a goroutine or closure that closes it, or registered
//     with t.Cleanup;
//   - saved in a local variable that is closed or handed on (orig :=
//     resp.Body; defer orig.Close()), also as a type assertion (after
//     101 Switching Protocols, resp.Body.(io.ReadWriteCloser) returned
//     or stored hands the connection on);
//   - wrapped in a closer that closes it (http.MaxBytesReader), when
//     that closer is closed or handed on in turn: a wrapper that is
//     dropped (_ = http.MaxBytesReader(w, resp.Body, n)) closes nothing;
//   - passed to a function that closes it or takes it over, whether as
//     *http.Response, io.Closer or io.ReadCloser, as the method value
//     resp.Body.Close, or to a deferred closure with a parameter. The
//     analyzer learns this from facts, in this package and across
//     packages; a callee that closes something else does not count.
//     Calls through interfaces and function values are assumed to take
//     the response over. A callee that gives the response to a function
//     its caller passes (fromResponse(resp, err, c.decodeJSON)) closes
//     it when the function passed there closes it.
//
// It is silent on responses that need no close:
// httptest.ResponseRecorder.Result() and websocket dial responses
// (gorilla/websocket, nhooyr.io/websocket, coder/websocket), and calls
// that return no open response. The analyzer learns these from the
// callee's body, in this package and across packages: a function whose
// returned response is, on every path, nil, closed before it returns,
// built in memory (&http.Response{...} with no body or an in-memory
// one, http.ReadResponse over bytes, or a response whose body was read,
// closed and replaced by io.NopCloser(bytes.NewReader(b))), the result
// of its own recursive call (a dial wrapper that follows a redirect by
// calling itself), or one of its own parameters
// handed back (a pass-through: the caller already owns that response,
// unless it passed a fresh call's result, as in must(c.Do(req))). A
// method of an unexported interface counts when every implementation
// in its package does. For other calls through interfaces and function
// values, the signature decides: a result list with the body's content
// beside the response, such as (*http.Response, []byte, error), means
// the body was read and closed; a plain (*http.Response, error), like
// http.RoundTripper, is an open response.
//
// Nor does it report a call whose callee returns the response open only
// when the caller asks for it, and whose arguments here ask for it not
// to be: a REST helper that decodes the body into the target it is
// given and closes it (CallJSON(ctx, opts, &result)), or drains and
// closes it when an option says so (Call(ctx, &Opts{NoResponse: true}),
// or an options variable whose every value sets the field, or whose
// field is set true before the call in a block around it). The analyzer
// learns such callees from their bodies: assuming a pointer or interface
// parameter non-nil, or a bool field of a struct-pointer parameter
// true, no path returns an open response (a call of a function the
// caller passes, given the response, counts when the caller passes one
// that closes it). An argument it cannot judge (nil, a parameter, a
// variable given to other calls) is reported as before.
//
// A response read with http.ReadResponse from a connection the function
// dialed itself (a CONNECT handshake) holds no pooled connection: the
// connection is the function's to close or hand on, and is not tracked.
//
// Known limitations: a callee that closes the body on some statuses
// counts as doing so only when its success test is one the analyzer can
// read (see above); one that decides through a helper function of its
// own is treated as returning an open response. On a 101 path any
// returned connection counts as the upgraded one.
//
// BAD:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // body leaks here
//	}
//	defer resp.Body.Close()
//
// GOOD: close it right after the error check, on every path.
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//
// It also reports defer resp.Body.Close() placed between the call and
// its error check: when the request fails, resp is nil and the deferred
// call panics.
//
// When the body is never closed and the shape is simple, a suggested fix
// adds defer resp.Body.Close() after the error check.
//
// Test helpers outside _test.go files (functions that take a *testing.T,
// *testing.B, *testing.F or testing.TB) are skipped like test files.
//
// Flags:
//
//	-unclosedbody.tests   also report in _test.go files and test helpers (default false)
package unclosedbody
