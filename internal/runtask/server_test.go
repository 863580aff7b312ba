package runtask_test

import (
	"context"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// TestRunTaskSignature: a request without the right X-TFC-Task-Signature is
// answered 401 and nothing is fetched or called back.
func TestRunTaskSignature(t *testing.T) {
	t.Parallel()
	right := func(body []byte) string { return hcptest.Sign(testKey, body) }
	tests := map[string]struct {
		sign     func(body []byte) string
		wantCode int
	}{
		"missing":           {func([]byte) string { return "" }, http.StatusUnauthorized},
		"another key":       {func(b []byte) string { return hcptest.Sign([]byte("another key"), b) }, http.StatusUnauthorized},
		"wrong length":      {func(b []byte) string { return right(b)[:64] }, http.StatusUnauthorized},
		"one byte more":     {func(b []byte) string { return right(b) + "00" }, http.StatusUnauthorized},
		"not hex":           {func(b []byte) string { return "z" + right(b)[1:] }, http.StatusUnauthorized},
		"of another body":   {func(b []byte) string { return right(append(b, ' ')) }, http.StatusUnauthorized},
		"right":             {right, http.StatusOK},
		"right, upper case": {func(b []byte) string { return strings.ToUpper(right(b)) }, http.StatusOK},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, nil)
			r := h.run("run-sig", readFile(t, readyPlan))
			body := h.fake.Payload(r)
			code, err := hcptest.Post(context.Background(), http.DefaultClient, h.url, tt.sign(body), body)
			if err != nil {
				t.Fatal(err)
			}
			if code != tt.wantCode {
				t.Fatalf("status %d, want %d", code, tt.wantCode)
			}
			if code == http.StatusOK {
				if cb := h.callback(t, r.ID); cb.Document.Data.Attributes.Status != "passed" {
					t.Errorf("status %q, want passed", cb.Document.Data.Attributes.Status)
				}
				return
			}
			// A signed request after it proves the worker free: had the
			// refused one been queued, it would have been fetched first.
			other := h.run("run-after", readFile(t, readyPlan))
			if code := h.post(t, other); code != http.StatusOK {
				t.Fatalf("the next request: status %d", code)
			}
			h.callback(t, other.ID)
			if planGets, _, _ := h.fake.Counts(); planGets != 1 {
				t.Errorf("%d plan fetches, want only the signed request's", planGets)
			}
			if cbs := h.fake.Callbacks(); len(cbs) != 1 {
				t.Errorf("%d callbacks, want 1", len(cbs))
			}
		})
	}
}

// TestRunTaskSignatureKnownAnswer pins the signature to a value computed apart
// (openssl dgst -sha512 -hmac key): HMAC-SHA512, hex.
func TestRunTaskSignatureKnownAnswer(t *testing.T) {
	t.Parallel()
	got := runtask.Sign([]byte("key"), []byte("The quick brown fox jumps over the lazy dog"))
	const want = "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a"
	if got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
	if _, err := hex.DecodeString(got); err != nil || got != hcptest.Sign([]byte("key"), []byte("The quick brown fox jumps over the lazy dog")) {
		t.Error("the fake signs otherwise")
	}
}

// TestRunTaskVerificationRequest: the request HCP Terraform sends when the task
// is saved (access token "test-token") is answered 200 and nothing else
// happens.
func TestRunTaskVerificationRequest(t *testing.T) {
	t.Parallel()
	h := start(t, func(o *runtask.Options) { o.Workers = 1 })
	verify := h.run("run-verify", readFile(t, readyPlan))
	verify.Token = runtask.VerificationToken
	h.fake.Add(verify)
	if code := h.post(t, verify); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	other := h.run("run-real", readFile(t, readyPlan))
	if code := h.post(t, other); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	h.callback(t, other.ID)
	planGets, _, _ := h.fake.Counts()
	if cbs := h.fake.Callbacks(); len(cbs) != 1 || planGets != 1 {
		t.Errorf("%d callbacks and %d fetches, want only the real run's", len(cbs), planGets)
	}
}

// TestRunTaskPassedAndFailed judges a ready plan and a plan with four blocking
// failures, and checks the task results against the documented contract.
func TestRunTaskPassedAndFailed(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		plan         string
		noOutcomes   bool
		wantStatus   string
		wantMessage  string
		wantOutcomes []string
	}{
		"ready": {plan: readyPlan, wantStatus: "passed", wantMessage: "READY · score "},
		"not ready": {
			plan: notReadyPlan, wantStatus: "failed",
			wantMessage: "NOT READY · 4 blocking failures · score ",
			wantOutcomes: []string{
				"destructive_change:aws_elasticache_replication_group.cache",
				"aws_security_group_world_ingress:aws_security_group.app",
				"aws_rds_multi_az:aws_db_instance.orders",
				"aws_dynamodb_pitr:aws_dynamodb_table.sessions",
			},
		},
		"not ready, without outcomes": {
			plan: notReadyPlan, noOutcomes: true, wantStatus: "failed",
			wantMessage: "NOT READY · 4 blocking failures · score ",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, func(o *runtask.Options) { o.DetailsURL = "https://wiki.example.com/readiness" })
			r := h.run("run-1", readFile(t, tt.plan))
			r.NoOutcomes = tt.noOutcomes
			h.fake.Add(r)
			if code := h.post(t, r); code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			cb := h.callback(t, r.ID)
			attrs := cb.Document.Data.Attributes
			if cb.ContentType != "application/vnd.api+json" || cb.Authorization != "Bearer "+r.Token {
				t.Errorf("callback headers: Content-Type %q, Authorization %q", cb.ContentType, cb.Authorization)
			}
			if attrs.Status != tt.wantStatus || !strings.HasPrefix(attrs.Message, tt.wantMessage) || attrs.URL != "https://wiki.example.com/readiness" {
				t.Errorf("status %q, message %q, url %q; want %q, %q...", attrs.Status, attrs.Message, attrs.URL, tt.wantStatus, tt.wantMessage)
			}
			if !strings.Contains(attrs.Message, "fail-on high, profile production") || strings.Contains(attrs.Message, "\n") {
				t.Errorf("message %q: want one line with the settings", attrs.Message)
			}
			var ids []string
			for _, o := range cb.Document.Data.Relationships.Outcomes.Data {
				a := o.Attributes
				ids = append(ids, a.OutcomeID)
				if a.Description == "" || !strings.Contains(a.Body, "**Fix:**") || !strings.HasPrefix(a.URL, "https://") {
					t.Errorf("outcome %s: description %q, url %q, body:\n%s", a.OutcomeID, a.Description, a.URL, a.Body)
				}
				status, severity := a.Tags["Status"], a.Tags["Severity"]
				if len(status) != 1 || status[0] != (hcptest.Tag{Label: "Failed", Level: "error"}) ||
					len(severity) != 1 || severity[0].Level != "error" || (severity[0].Label != "Critical" && severity[0].Label != "High") {
					t.Errorf("outcome %s: tags %v", a.OutcomeID, a.Tags)
				}
			}
			if strings.Join(ids, "\n") != strings.Join(tt.wantOutcomes, "\n") {
				t.Errorf("outcomes:\n%s\nwant:\n%s", strings.Join(ids, "\n"), strings.Join(tt.wantOutcomes, "\n"))
			}
		})
	}
}

// TestRunTaskOutcomeBody shows one outcome's Markdown: the check, the resource,
// the message, the evidence and the fix.
func TestRunTaskOutcomeBody(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	r := h.run("run-body", readFile(t, notReadyPlan))
	h.post(t, r)
	cb := h.callback(t, r.ID)
	var body string
	for _, o := range cb.Document.Data.Relationships.Outcomes.Data {
		if o.Attributes.OutcomeID == "aws_rds_multi_az:aws_db_instance.orders" {
			body = o.Attributes.Body
		}
	}
	for _, want := range []string{
		"· `aws_rds_multi_az` · severity **high** · `aws_db_instance.orders`",
		"the instance runs in a single Availability Zone: an AZ outage takes the database down",
		"**Evidence**\n\n- `multi_az = false`",
		"**Fix:** Set multi\\_az = true on the aws\\_db\\_instance.",
		"[About this check](https://",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the body lacks %q:\n%s", want, body)
		}
	}
}

// TestRunTaskForeignURL: a request whose plan or callback URL is not under the
// HCP address is refused; nothing is fetched or patched, there or
// anywhere.
func TestRunTaskForeignURL(t *testing.T) {
	t.Parallel()
	var evilHits atomic.Int32
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { evilHits.Add(1) }))
	t.Cleanup(func() {
		evil.Close()
		if n := evilHits.Load(); n != 0 {
			t.Errorf("the foreign host got %d requests", n)
		}
	})
	tests := map[string]func(h *harness, payload map[string]any){
		"plan on another host": func(h *harness, p map[string]any) {
			p["plan_json_api_url"] = evil.URL + "/api/v2/plans/plan-x/json-output"
		},
		"callback on another host": func(h *harness, p map[string]any) {
			p["task_result_callback_url"] = evil.URL + "/api/v2/task-results/x/callback"
		},
		"plan with user information": func(h *harness, p map[string]any) {
			p["plan_json_api_url"] = strings.Replace(h.fake.PlanURL("run-f"), "http://", "http://user:pw@", 1)
		},
		"plan over https": func(h *harness, p map[string]any) {
			p["plan_json_api_url"] = strings.Replace(h.fake.PlanURL("run-f"), "http://", "https://", 1)
		},
		"callback on the API host's other port": func(h *harness, p map[string]any) {
			p["task_result_callback_url"] = "http://" + h.fake.DownloadHost + "/api/v2/task-results/x/callback"
		},
		"plan through a dot segment": func(h *harness, p map[string]any) {
			p["plan_json_api_url"] = h.fake.API.URL + "/api/v2/../../x"
		},
		"callback as a relative URL": func(h *harness, p map[string]any) { p["task_result_callback_url"] = "/api/v2/task-results/x/callback" },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := start(t, nil)
			r := h.run("run-f", readFile(t, readyPlan))
			payload := decodeJSON(t, h.fake.Payload(r))
			change(h, payload)
			body := encodeJSON(t, payload)
			code, err := hcptest.Post(context.Background(), http.DefaultClient, h.url, hcptest.Sign(testKey, body), body)
			if err != nil {
				t.Fatal(err)
			}
			if code != http.StatusBadRequest {
				t.Errorf("status %d, want 400", code)
			}
			other := h.run("run-after", readFile(t, readyPlan))
			h.post(t, other)
			h.callback(t, other.ID)
			planGets, _, _ := h.fake.Counts()
			if planGets != 1 || len(h.fake.Callbacks()) != 1 {
				t.Errorf("%d fetches and %d callbacks, want only the next run's", planGets, len(h.fake.Callbacks()))
			}
		})
	}
}
