package runtask_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
)

// TestRunTaskEndsBadly: a scan past the task's time, or one that panics,
// still ends in a failed task result that says why, and the server goes
// on.
func TestRunTaskEndsBadly(t *testing.T) {
	t.Parallel()
	never := make(chan struct{})
	tests := map[string]struct {
		opts     func(*runtask.Options)
		wantText string
	}{
		"timeout": {
			opts: func(o *runtask.Options) {
				o.TaskTimeout = 100 * time.Millisecond
				o.Scan = gatedScan(nil, never)
			},
			wantText: "the task took longer than its timeout (--task-timeout)",
		},
		"panic": {
			opts: func(o *runtask.Options) {
				o.Scan = func(context.Context, []byte) (*engine.Report, error) { panic("boom") }
			},
			wantText: "could not judge the plan: internal error while judging the plan (see the server's log)",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, tt.opts)
			for _, id := range []string{"run-1", "run-2"} {
				r := h.run(id, readFile(t, readyPlan))
				h.post(t, r)
				attrs := h.callback(t, id).Document.Data.Attributes
				if attrs.Status != "failed" || !strings.HasPrefix(attrs.Message, "ERROR · ") || !strings.Contains(attrs.Message, tt.wantText) {
					t.Errorf("%s: %s %q, want failed ...%q", id, attrs.Status, attrs.Message, tt.wantText)
				}
			}
		})
	}
}
