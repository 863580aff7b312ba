package runtask

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	tfe "github.com/hashicorp/go-tfe"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

var (
	errServerStopping = errors.New("the readiness server stopped before the task finished; run the plan again")
	errTaskTimeout    = errors.New("the task timed out")
)

// Reasons, the values of readiness_runtask_results_total's reason label.
const (
	reasonReady    = "ready"
	reasonNotReady = "not_ready"
	reasonError    = "error"
)

// worker runs queued tasks until the queue is closed and empty.
func (s *Server) worker() {
	defer s.workers.Done()
	for t := range s.queue {
		s.process(t)
	}
}

// process judges a task's plan and calls back, whatever happened.
func (s *Server) process(t *task) {
	log := s.log.With(attrsAny(t.logAttrs())...)
	log.Info("run task started", slog.Duration("queued", time.Since(t.accepted)))
	res, reason, scanning := s.judge(t)
	err := s.callBack(t, res)
	s.inflightMu.Lock()
	delete(s.inflight, t.callback.String())
	s.inflightMu.Unlock()
	s.metrics.taskDuration.Observe(time.Since(t.accepted).Seconds())
	if err != nil {
		s.metrics.callbackErrors.Inc()
		log.Error("callback failed: HCP Terraform will error the task", errAttr(err))
	} else {
		s.metrics.results.WithLabelValues(string(res.Status), reason).Inc()
		log.Info("run task called back", slog.String("status", string(res.Status)), slog.String("message", res.Message),
			slog.Int("outcomes", len(res.Outcomes)), slog.Duration("elapsed", time.Since(t.accepted)))
	}
	// A scan cut short by the timeout still holds this worker until it
	// ends, so that no more scans run at once than there are workers.
	<-scanning
}

// judge downloads and scans the plan within the task's time and returns
// the task result, the reason of its status, and a channel closed once
// the scan (if one started) has ended.
func (s *Server) judge(t *task) (*tfe.TaskResultCallbackRequestOptions, string, <-chan struct{}) {
	done := make(chan struct{})
	if t.planURL == nil {
		close(done)
		return failure(fmt.Sprintf("the request has no plan_json_api_url (stage %s): readiness judges plans; attach the run task at the post_plan or pre_apply stage", t.req.Stage), s.opts.DetailsURL), reasonError, done
	}
	ctx, cancel := context.WithDeadlineCause(s.work, t.accepted.Add(s.opts.TaskTimeout), errTaskTimeout)
	defer cancel()
	if ctx.Err() != nil {
		// The task waited in the queue past its time, or the server is
		// stopping.
		close(done)
		return failure(describe(ctx, ctx.Err()), s.opts.DetailsURL), reasonError, done
	}
	plan, err := s.fetchPlan(ctx, t)
	if err != nil {
		close(done)
		return failure("could not read the plan: "+describe(ctx, err), s.opts.DetailsURL), reasonError, done
	}
	type scanned struct {
		rep *engine.Report
		err error
	}
	out := make(chan scanned, 1)
	go func() {
		defer close(done)
		start := time.Now()
		rep, err := s.safeScan(ctx, plan)
		s.metrics.scanDuration.Observe(time.Since(start).Seconds())
		out <- scanned{rep, err}
	}()
	select {
	case r := <-out:
		if r.err != nil {
			return failure("could not judge the plan: "+describe(ctx, r.err), s.opts.DetailsURL), reasonError, done
		}
		res := passedOrFailed(r.rep, t.req.acceptsOutcomes(), s.opts.DetailsURL)
		reason := reasonReady
		switch {
		case r.rep.Invalid || len(r.rep.Errors) > 0 && r.rep.Summary.Ready:
			reason = reasonError
		case !r.rep.Summary.Ready:
			reason = reasonNotReady
		}
		return res, reason, done
	case <-ctx.Done():
		return failure("could not judge the plan: "+describe(ctx, ctx.Err()), s.opts.DetailsURL), reasonError, done
	}
}

// safeScan runs the scan function; a panic becomes an error rather than
// the end of every task in the server.
func (s *Server) safeScan(ctx context.Context, plan []byte) (rep *engine.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("scan panicked", slog.Any("panic", p))
			rep, err = nil, errors.New("internal error while judging the plan (see the server's log)")
		}
	}()
	return s.opts.Scan(ctx, plan)
}

// describe says why a task failed: the task's deadline or the server's
// stop when ctx has ended, err otherwise.
func describe(ctx context.Context, err error) string {
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, errTaskTimeout):
		return "the task took longer than its timeout (--task-timeout)"
	case errors.Is(cause, errServerStopping):
		return errServerStopping.Error()
	}
	return err.Error()
}

// logAttrs identify a task in logs: never its token.
func (t *task) logAttrs() []slog.Attr { return requestAttrs(&t.req) }

func requestAttrs(r *taskRequest) []slog.Attr {
	return []slog.Attr{
		slog.String("run_id", r.RunID),
		slog.String("task_result_id", r.TaskResultID),
		slog.String("organization", r.OrganizationName),
		slog.String("workspace", r.WorkspaceName),
		slog.String("stage", r.Stage),
	}
}

func attrsAny(attrs []slog.Attr) []any {
	out := make([]any, len(attrs))
	for i, a := range attrs {
		out[i] = a
	}
	return out
}

func errAttr(err error) slog.Attr { return slog.String("error", err.Error()) }
