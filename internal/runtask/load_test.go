package runtask_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// Load test figures: requests, the submitters sending them at once, and
// the server's workers and queue, smaller than the requests so that some
// are answered 429 and sent again, as HCP Terraform does.
var loadRequests = map[bool]int{false: 500, true: 150}[raceDetector]

const (
	loadConcurrency = 100
	loadWorkers     = 2
	loadQueue       = 32
)

// TestRunTaskLoad sends hundreds of run tasks at once through a queue too small
// for them: every task is accepted in the end (after 429s), and every one
// calls back exactly once with the verdict its plan deserves. The figures
// (429s, latency from the first request to the callback) are logged, not
// asserted: run with -v to read them.
func TestRunTaskLoad(t *testing.T) {
	t.Parallel()
	// The scans wait until a request has been answered 429, so that the
	// queue fills however fast this machine is.
	var h *harness
	h = start(t, func(o *runtask.Options) {
		o.Workers, o.QueueSize = loadWorkers, loadQueue
		o.Scan = func(ctx context.Context, plan []byte) (*engine.Report, error) {
			return gatedScan(nil, h.fake.FirstTooMany())(ctx, plan)
		}
	})
	plans := [][]byte{readFile(t, readyPlan), readFile(t, notReadyPlan)}
	wantStatus := []string{"passed", "failed"}
	runs := make([]hcptest.Run, loadRequests)
	for i := range runs {
		runs[i] = h.run(fmt.Sprintf("run-%03d", i), plans[i%2])
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadConcurrency}}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	sent := make([]time.Time, loadRequests)
	var tooMany, accepted atomic.Int64
	var wg sync.WaitGroup
	next := atomic.Int64{}
	begin := time.Now()
	for range loadConcurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= loadRequests {
					return
				}
				sent[i] = time.Now()
				status, n, err := h.fake.Submit(ctx, client, h.url, testKey, runs[i])
				tooMany.Add(int64(n))
				if err != nil || status != http.StatusOK {
					t.Errorf("%s: status %d, %v", runs[i].ID, status, err)
					continue
				}
				accepted.Add(1)
			}
		}()
	}
	wg.Wait()
	cbs, err := h.fake.WaitCallbacks(loadRequests, wait)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(begin)

	byID := map[string]hcptest.Callback{}
	duplicated := 0
	for _, cb := range cbs {
		if _, ok := byID[cb.TaskResultID]; ok {
			duplicated++
		}
		byID[cb.TaskResultID] = cb
	}
	var latencies []time.Duration
	lost := 0
	for i, r := range runs {
		cb, ok := byID["taskrs-"+r.ID]
		if !ok {
			lost++
			continue
		}
		latencies = append(latencies, cb.Received.Sub(sent[i]))
		if got := cb.Document.Data.Attributes.Status; got != wantStatus[i%2] {
			t.Errorf("%s: status %q, want %q", r.ID, got, wantStatus[i%2])
		}
	}
	if lost > 0 || duplicated > 0 || len(cbs) != loadRequests {
		t.Errorf("%d callbacks for %d requests: %d lost, %d duplicated", len(cbs), loadRequests, lost, duplicated)
	}
	if tooMany.Load() == 0 {
		t.Error("no request was answered 429: the queue never filled, the test proves less than it says")
	}
	slices.Sort(latencies)
	t.Logf("load: requests=%d concurrency=%d workers=%d queue=%d accepted=%d 429s=%d lost=%d duplicated=%d p50=%s p99=%s max=%s total=%s",
		loadRequests, loadConcurrency, loadWorkers, loadQueue, accepted.Load(), tooMany.Load(), lost, duplicated,
		percentile(latencies, 50), percentile(latencies, 99), latencies[len(latencies)-1].Round(time.Millisecond), elapsed.Round(time.Millisecond))
}

// percentile is the p-th percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (p*len(sorted)+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))].Round(time.Millisecond)
}
