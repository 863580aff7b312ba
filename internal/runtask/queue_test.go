package runtask_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
)

// gatedScan is a scan that tells when it starts and waits for the gate (or
// its task's end) before it judges the plan.
func gatedScan(started chan<- struct{}, gate <-chan struct{}) runtask.ScanFunc {
	scan := scanWith(checks.All)
	return func(ctx context.Context, plan []byte) (*engine.Report, error) {
		if started != nil {
			started <- struct{}{}
		}
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return scan(ctx, plan)
	}
}

// TestRunTaskQueue: with one worker busy and the queue full, a request is
// answered 429; HCP Terraform's retry of a request already accepted is
// answered 200 and not run twice.
func TestRunTaskQueue(t *testing.T) {
	t.Parallel()
	started, gate := make(chan struct{}, 8), make(chan struct{})
	h := start(t, func(o *runtask.Options) {
		o.Workers, o.QueueSize = 1, 1
		o.Scan = gatedScan(started, gate)
	})
	plan := readFile(t, readyPlan)
	running, queued, refused := h.run("run-a", plan), h.run("run-b", plan), h.run("run-c", plan)
	if code := h.post(t, running); code != http.StatusOK {
		t.Fatalf("first request: status %d", code)
	}
	<-started // the worker holds run-a: the queue is empty
	if code := h.post(t, queued); code != http.StatusOK {
		t.Fatalf("second request: status %d", code)
	}
	if code := h.post(t, refused); code != http.StatusTooManyRequests {
		t.Errorf("third request: status %d, want 429", code)
	}
	if code := h.post(t, queued); code != http.StatusOK {
		t.Errorf("the second request again: status %d, want 200 (already accepted)", code)
	}
	close(gate)
	h.callback(t, running.ID)
	h.callback(t, queued.ID)
	// run-c, sent again once there is room, goes through; it comes last,
	// so every callback is in by its own.
	if code := h.post(t, refused); code != http.StatusOK {
		t.Fatalf("the third request again: status %d", code)
	}
	h.callback(t, refused.ID)
	seen := map[string]int{}
	for _, cb := range h.fake.Callbacks() {
		seen[cb.TaskResultID]++
	}
	if len(seen) != 3 || seen["taskrs-run-a"] != 1 || seen["taskrs-run-b"] != 1 || seen["taskrs-run-c"] != 1 {
		t.Errorf("callbacks by task result: %v, want one each for run-a, run-b and run-c", seen)
	}
}
