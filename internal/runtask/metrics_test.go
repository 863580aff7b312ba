package runtask_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/client_golang/prometheus/testutil/promlint"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// TestRunTaskMetrics scrapes /metrics after a known set of requests: each
// outcome, each result and the lost callback are counted, every scan is
// timed, the queue is empty, and the metrics pass promlint.
func TestRunTaskMetrics(t *testing.T) {
	t.Parallel()
	h := start(t, func(o *runtask.Options) { o.Workers = 1 })
	lost := h.run("run-lost", readFile(t, readyPlan))
	lost.CallbackUnavailable = 100 // every try of its callback fails
	h.fake.Add(lost)
	ready, notReady := h.run("run-ready", readFile(t, readyPlan)), h.run("run-not-ready", readFile(t, notReadyPlan))
	verify := h.run("run-verify", nil)
	verify.Token = runtask.VerificationToken
	for _, r := range []hcptest.Run{lost, ready, notReady, verify} {
		if code := h.post(t, r); code != http.StatusOK {
			t.Fatalf("%s: status %d", r.ID, code)
		}
	}
	body := h.fake.Payload(ready)
	if code, _ := hcptest.Post(context.Background(), http.DefaultClient, h.url, "", body); code != http.StatusUnauthorized {
		t.Fatalf("unsigned: status %d", code)
	}
	foreign := decodeJSON(t, body)
	foreign["task_result_callback_url"] = "http://" + h.fake.DownloadHost + "/callback"
	if code := postRaw(t, h, encodeJSON(t, foreign)); code != http.StatusBadRequest {
		t.Fatalf("foreign callback: status %d", code)
	}
	h.callback(t, ready.ID)
	h.callback(t, notReady.ID)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	h.server.Drain(ctx) // every task has ended and counted itself

	const want = `
# HELP readiness_runtask_requests_total Run task requests received, by outcome: accepted, verification, unauthorized, bad_request, refused_url, queue_full, duplicate, draining.
# TYPE readiness_runtask_requests_total counter
readiness_runtask_requests_total{outcome="accepted"} 3
readiness_runtask_requests_total{outcome="bad_request"} 0
readiness_runtask_requests_total{outcome="draining"} 0
readiness_runtask_requests_total{outcome="duplicate"} 0
readiness_runtask_requests_total{outcome="queue_full"} 0
readiness_runtask_requests_total{outcome="refused_url"} 1
readiness_runtask_requests_total{outcome="unauthorized"} 1
readiness_runtask_requests_total{outcome="verification"} 1
# HELP readiness_runtask_results_total Task results called back, by status (passed, failed) and reason (ready, not_ready, error).
# TYPE readiness_runtask_results_total counter
readiness_runtask_results_total{reason="not_ready",status="failed"} 1
readiness_runtask_results_total{reason="ready",status="passed"} 1
# HELP readiness_runtask_callback_errors_total Task results that could not be called back after every try.
# TYPE readiness_runtask_callback_errors_total counter
readiness_runtask_callback_errors_total 1
# HELP readiness_runtask_queue_depth Accepted run tasks waiting for a worker.
# TYPE readiness_runtask_queue_depth gauge
readiness_runtask_queue_depth 0
`
	metricsURL := h.base + "/metrics"
	if err := testutil.ScrapeAndCompare(metricsURL, strings.NewReader(want),
		"readiness_runtask_requests_total", "readiness_runtask_results_total", "readiness_runtask_callback_errors_total", "readiness_runtask_queue_depth"); err != nil {
		t.Error(err)
	}

	resp, err := http.Get(metricsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	for name, wantCount := range map[string]uint64{"readiness_runtask_scan_duration_seconds": 3, "readiness_runtask_task_duration_seconds": 3} {
		f := families[name]
		if f == nil || len(f.Metric) != 1 || f.Metric[0].GetHistogram().GetSampleCount() != wantCount {
			t.Errorf("%s: %v, want a histogram of %d samples", name, f, wantCount)
		}
	}
	if families["go_goroutines"] == nil || families["process_start_time_seconds"] == nil {
		t.Error("the Go runtime's and the process's metrics are missing")
	}
	problems, err := promlint.New(strings.NewReader(text)).Lint()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Metric, "readiness_") {
			t.Errorf("promlint: %s: %s", p.Metric, p.Text)
		}
	}
}

// postRaw posts body signed with the test key and returns the status.
func postRaw(t *testing.T, h *harness, body []byte) int {
	t.Helper()
	code, err := hcptest.Post(context.Background(), http.DefaultClient, h.url, hcptest.Sign(testKey, body), body)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// TestRunTaskHealth: /healthz answers while the process runs; /readyz answers 503
// once the server drains.
func TestRunTaskHealth(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	get := func(path string) int {
		resp, err := http.Get(h.base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if get("/healthz") != http.StatusOK || get("/readyz") != http.StatusOK {
		t.Fatal("a running server is not healthy and ready")
	}
	h.server.Drain(context.Background())
	if get("/healthz") != http.StatusOK || get("/readyz") != http.StatusServiceUnavailable {
		t.Error("a draining server: want healthy, not ready")
	}
	r := h.run("run-late", readFile(t, readyPlan))
	if code := h.post(t, r); code != http.StatusServiceUnavailable {
		t.Errorf("a request while draining: status %d, want 503", code)
	}
}
