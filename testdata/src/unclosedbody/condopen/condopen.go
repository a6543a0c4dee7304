package condopen

import (
	"context"

	"unclosedbody/condopen/lib"
)

type result struct{ ID string }

func goodDecodeTarget(ctx context.Context, c *lib.Client) (string, error) {
	var r result
	resp, err := c.CallJSON(ctx, &lib.Opts{Path: "/x"}, &r) // closed by CallJSON: it decodes into &r
	if err != nil {
		return "", err
	}
	_ = resp.StatusCode
	return r.ID, nil
}

func goodNoResponseLiteral(ctx context.Context, c *lib.Client) (int, error) {
	resp, err := c.Call(ctx, &lib.Opts{Path: "/x", NoResponse: true})
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func goodNoResponseLocal(ctx context.Context, c *lib.Client) (int, error) {
	opts := lib.Opts{Path: "/x", NoResponse: true}
	var code int
	err := retry(func() error {
		resp, err := c.Call(ctx, &opts)
		if err == nil {
			code = resp.StatusCode
		}
		return err
	})
	return code, err
}

func goodNoResponseSet(ctx context.Context, c *lib.Client, del bool) (int, error) {
	opts := &lib.Opts{Path: "/x"}
	if del {
		opts.Path = "/y"
	}
	opts.NoResponse = true
	resp, err := c.Call(ctx, opts)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badNilTarget(ctx context.Context, c *lib.Client) (int, error) {
	resp, err := c.CallJSON(ctx, &lib.Opts{Path: "/x"}, nil) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badNoResponseFalse(ctx context.Context, c *lib.Client) (int, error) {
	resp, err := c.Call(ctx, &lib.Opts{Path: "/x", NoResponse: false}) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badUnknownOpts(ctx context.Context, c *lib.Client, opts *lib.Opts) (int, error) {
	resp, err := c.Call(ctx, opts) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badSetAfter(ctx context.Context, c *lib.Client) (int, error) {
	opts := &lib.Opts{Path: "/x"}
	resp, err := c.Call(ctx, opts) // want `response body is never closed`
	opts.NoResponse = true
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badSetOnOneBranch(ctx context.Context, c *lib.Client, quiet bool) (int, error) {
	opts := &lib.Opts{Path: "/x"}
	if quiet {
		opts.NoResponse = true
	}
	resp, err := c.Call(ctx, opts) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badRawTarget(ctx context.Context, c *lib.Client) (int, error) {
	var r result
	resp, err := c.CallRaw(ctx, &lib.Opts{Path: "/x"}, &r) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func retry(f func() error) error { return f() }

func badGivenAway(ctx context.Context, c *lib.Client) (int, error) {
	opts := &lib.Opts{Path: "/x", NoResponse: true}
	reset(opts)
	resp, err := c.Call(ctx, opts) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func reset(o *lib.Opts) { o.NoResponse = false }

func badTouched(ctx context.Context, c *lib.Client) (int, error) {
	var r result
	resp, err := c.CallTouched(ctx, &lib.Opts{Path: "/x"}, &r) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func badReset(ctx context.Context, c *lib.Client) (int, error) {
	resp, err := c.CallReset(ctx, &lib.Opts{NoResponse: true}) // want `response body is never closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
