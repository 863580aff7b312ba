package runtask

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// retryPolicy tries an operation up to attempts times, waiting between
// tries a random time between half and all of first, doubled after each
// try up to max (or what a 429's Retry-After asks, within max).
type retryPolicy struct {
	attempts   int
	first, max time.Duration
}

// permanent marks an error that another try cannot mend (a 404, a plan
// over the size limit, a redirect the guard refuses).
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// retryAfter is an error that asks for a wait (a 429 with Retry-After).
type retryAfter struct {
	error
	wait time.Duration
}

func (r retryAfter) Unwrap() error { return r.error }

// do runs op until it succeeds, fails permanently, has been tried
// p.attempts times, or ctx ends; it returns op's last error.
func (p retryPolicy) do(ctx context.Context, op func(context.Context) error) error {
	wait := p.first
	var err error
	for try := 1; ; try++ {
		if err = op(ctx); err == nil {
			return nil
		}
		var perm permanent
		if errors.As(err, &perm) || try >= p.attempts || ctx.Err() != nil {
			return err
		}
		d := wait/2 + rand.N(wait/2+1)
		var ra retryAfter
		if errors.As(err, &ra) && ra.wait > d {
			d = min(ra.wait, p.max)
		}
		timer := time.NewTimer(d)
		select {
		case <-ctx.Done():
			timer.Stop()
			return err
		case <-timer.C:
		}
		wait = min(wait*2, p.max)
	}
}

// retryAfterHeader reads a Retry-After of whole seconds (0 when absent or
// not a number of seconds).
func retryAfterHeader(h http.Header) time.Duration {
	n, err := strconv.Atoi(h.Get("Retry-After"))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// retryableStatus reports whether an HTTP status may change on another
// try: 429 and the 5xx.
func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500
}
