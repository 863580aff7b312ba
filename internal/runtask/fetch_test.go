package runtask_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// TestRunTaskRedirectWithoutToken: the plan's JSON API URL gets the run's token;
// the pre-signed download it redirects to, on another host, never does.
func TestRunTaskRedirectWithoutToken(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	r := h.run("run-redirect", readFile(t, readyPlan))
	h.post(t, r)
	if cb := h.callback(t, r.ID); cb.Document.Data.Attributes.Status != "passed" {
		t.Fatalf("status %q: %s", cb.Document.Data.Attributes.Status, cb.Document.Data.Attributes.Message)
	}
	planGets, downloadGets, auth := h.fake.Counts()
	if planGets != 1 || downloadGets != 1 {
		t.Fatalf("%d plan requests and %d downloads, want 1 each", planGets, downloadGets)
	}
	if auth[0] != "" {
		t.Errorf("the download host got Authorization %q", auth[0])
	}
}

// TestRunTaskFetch covers what can happen between the request and the plan:
// retries, limits, refusals and errors. Each ends in one callback.
func TestRunTaskFetch(t *testing.T) {
	t.Parallel()
	var evilHits atomic.Int32
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		evilHits.Add(1)
		_, _ = w.Write(readFile(t, readyPlan))
	}))
	t.Cleanup(func() {
		evil.Close()
		if n := evilHits.Load(); n != 0 {
			t.Errorf("a host the guard refuses got %d requests", n)
		}
	})
	tests := map[string]struct {
		plan          string
		opts          func(*runtask.Options)
		change        func(h *harness, r *hcptest.Run)
		payload       func(h *harness, p map[string]any)
		wantStatus    string
		wantMessage   string
		wantPlanGets  int
		wantDownloads int
	}{
		"204 then 503, then the plan": {
			plan:       readyPlan,
			change:     func(h *harness, r *hcptest.Run) { r.NotReady, r.Unavailable = 2, 1 },
			wantStatus: "passed", wantMessage: "READY · ",
			wantPlanGets: 4, wantDownloads: 1,
		},
		"the callback answers 503 twice": {
			plan:       readyPlan,
			change:     func(h *harness, r *hcptest.Run) { r.CallbackUnavailable = 2 },
			wantStatus: "passed", wantMessage: "READY · ",
			wantPlanGets: 1, wantDownloads: 1,
		},
		"never ready": {
			plan:       readyPlan,
			change:     func(h *harness, r *hcptest.Run) { r.NotReady = 100 },
			wantStatus: "failed", wantMessage: "ERROR · could not read the plan: HCP Terraform has no JSON for the plan yet (204 No Content)",
			wantPlanGets: 4,
		},
		"over the size limit": {
			plan:       notReadyPlan,
			opts:       func(o *runtask.Options) { o.MaxPlanBytes = 1000 },
			wantStatus: "failed", wantMessage: "ERROR · could not read the plan: the plan is over the limit of 1000 bytes (--max-plan-size)",
			wantPlanGets: 1, wantDownloads: 1,
		},
		"redirected to a host not allowed": {
			plan:       readyPlan,
			change:     func(h *harness, r *hcptest.Run) { r.RedirectTo = evil.URL + "/v1/object/x" },
			wantStatus: "failed", wantMessage: "ERROR · could not read the plan: the plan's redirect was refused: host 127.0.0.1:",
			wantPlanGets: 1,
		},
		"redirected with user information": {
			plan: readyPlan,
			change: func(h *harness, r *hcptest.Run) {
				r.RedirectTo = "http://user:pw@" + h.fake.DownloadHost + "/v1/object/signed-" + r.ID
			},
			wantStatus: "failed", wantMessage: "ERROR · could not read the plan: the plan's redirect was refused: user information is not allowed",
			wantPlanGets: 1,
		},
		"not JSON": {
			plan:       "testdata/not_json.txt",
			wantStatus: "failed", wantMessage: "ERROR · could not judge the plan: read plan.json: ",
			wantPlanGets: 1, wantDownloads: 1,
		},
		"unknown to HCP Terraform": {
			plan:       readyPlan,
			payload:    func(h *harness, p map[string]any) { p["plan_json_api_url"] = h.fake.PlanURL("run-unknown") },
			wantStatus: "failed", wantMessage: "ERROR · could not read the plan: plan download: 127.0.0.1:",
			wantPlanGets: 1,
		},
		"pre-plan stage, no plan": {
			plan:        readyPlan,
			change:      func(h *harness, r *hcptest.Run) { r.Stage, r.NoPlanURL = "pre_plan", true },
			wantStatus:  "failed",
			wantMessage: "ERROR · the request has no plan_json_api_url (stage pre_plan): readiness judges plans; attach the run task at the post_plan or pre_apply stage",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, tt.opts)
			r := h.run("run-fetch", readFile(t, tt.plan))
			if tt.change != nil {
				tt.change(h, &r)
				h.fake.Add(r)
			}
			payload := decodeJSON(t, h.fake.Payload(r))
			if tt.payload != nil {
				tt.payload(h, payload)
			}
			body := encodeJSON(t, payload)
			if code, err := hcptest.Post(context.Background(), http.DefaultClient, h.url, hcptest.Sign(testKey, body), body); err != nil || code != http.StatusOK {
				t.Fatalf("status %d, %v", code, err)
			}
			cb := h.callback(t, "run-fetch")
			attrs := cb.Document.Data.Attributes
			if attrs.Status != tt.wantStatus || !strings.HasPrefix(attrs.Message, tt.wantMessage) {
				t.Errorf("status %q, message %q; want %q, %q...", attrs.Status, attrs.Message, tt.wantStatus, tt.wantMessage)
			}
			planGets, downloads, _ := h.fake.Counts()
			if planGets != tt.wantPlanGets || downloads != tt.wantDownloads {
				t.Errorf("%d plan requests and %d downloads, want %d and %d", planGets, downloads, tt.wantPlanGets, tt.wantDownloads)
			}
			if n := len(h.fake.Callbacks()); n != 1 {
				t.Errorf("%d callbacks, want 1", n)
			}
			if bytes.Contains([]byte(h.logs.String()), []byte("signed-")) {
				t.Errorf("the log holds the pre-signed URL:\n%s", h.logs.String())
			}
		})
	}
}
