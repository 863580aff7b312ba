package runtask

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRunTaskRetry(t *testing.T) {
	t.Parallel()
	errFlaky, errFatal := errors.New("flaky"), errors.New("fatal")
	tests := map[string]struct {
		fails     int   // tries that fail before one succeeds
		err       error // what they fail with
		wantTries int
		wantErr   error
	}{
		"first try":              {fails: 0, err: errFlaky, wantTries: 1},
		"third try":              {fails: 2, err: errFlaky, wantTries: 3},
		"every try":              {fails: 10, err: errFlaky, wantTries: 4, wantErr: errFlaky},
		"permanent":              {fails: 10, err: permanent{errFatal}, wantTries: 1, wantErr: errFatal},
		"429 with a Retry-After": {fails: 1, err: retryAfter{errFlaky, time.Millisecond}, wantTries: 2},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := retryPolicy{attempts: 4, first: time.Millisecond, max: 2 * time.Millisecond}
			tries := 0
			err := p.do(context.Background(), func(context.Context) error {
				tries++
				if tries <= tt.fails {
					return tt.err
				}
				return nil
			})
			if tries != tt.wantTries || !errors.Is(err, tt.wantErr) && !(err == nil && tt.wantErr == nil) {
				t.Errorf("%d tries, %v; want %d, %v", tries, err, tt.wantTries, tt.wantErr)
			}
		})
	}
}

// TestRunTaskRetryStopsWithContext: a wait between tries ends with the context.
func TestRunTaskRetryStopsWithContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	p := retryPolicy{attempts: 100, first: time.Hour, max: time.Hour}
	tries := 0
	err := p.do(ctx, func(context.Context) error {
		tries++
		cancel()
		return errors.New("flaky")
	})
	if tries != 1 || err == nil {
		t.Errorf("%d tries, %v; want 1 and the error", tries, err)
	}
}
