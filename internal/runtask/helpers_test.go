package runtask_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// The plans the tests judge: one ready, one not (four blocking failures).
const (
	readyPlan    = "../cli/testdata/ready.json"
	notReadyPlan = "../../examples/scan/webapp/plan.json"
)

var testKey = []byte("the-run-task-hmac-key")

// wait bounds every wait of these tests: generous, as they share a
// loaded machine; no test takes that long when it passes.
const wait = 60 * time.Second

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// scanWith judges a plan with the production profile at --fail-on high, as
// `readiness scan` does without a configuration.
func scanWith(catalogue func() []check.Check) runtask.ScanFunc {
	return func(_ context.Context, plan []byte) (*engine.Report, error) {
		p, err := input.Parse("plan.json", plan)
		if err != nil {
			return nil, err
		}
		prof, err := profile.Lookup(profile.Default)
		if err != nil {
			return nil, err
		}
		failOn, err := check.ParseThreshold("high")
		if err != nil {
			return nil, err
		}
		return engine.Run([]*model.Plan{p}, catalogue(), engine.Options{Profile: prof, FailOn: failOn}), nil
	}
}

// syncBuffer is a log destination for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is a server under test with its fake HCP Terraform.
type harness struct {
	fake   *hcptest.Fake
	server *runtask.Server
	url    string // the run task URL
	base   string // the server's root
	logs   *syncBuffer
}

// start starts a server whose HCP address is the fake's, with quick
// retries; change adjusts the options. The server drains when the test
// ends, and its log must never hold a run's token.
func start(t *testing.T, change func(*runtask.Options)) *harness {
	t.Helper()
	fake := hcptest.New(t)
	logs := &syncBuffer{}
	opts := runtask.Options{
		HCPAddress:    fake.API.URL,
		DownloadHosts: []string{fake.DownloadHost},
		HMACKey:       testKey,
		Scan:          scanWith(checks.All),
		Workers:       2,
		QueueSize:     16,
		Attempts:      4,
		Backoff:       time.Millisecond,
		MaxBackoff:    5 * time.Millisecond,
		Logger:        slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if change != nil {
		change(&opts)
	}
	s, err := runtask.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ts.Close()
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		s.Drain(ctx)
		if strings.Contains(logs.String(), "secret") {
			t.Errorf("the log holds a token:\n%s", logs.String())
		}
	})
	return &harness{fake: fake, server: s, url: ts.URL + "/runtask", base: ts.URL, logs: logs}
}

// run registers a run of the fake with plan and a token of its own.
func (h *harness) run(id string, plan []byte) hcptest.Run {
	r := hcptest.Run{ID: id, Token: "tok-" + id + ".atlasv1.secret", Plan: plan}
	h.fake.Add(r)
	return r
}

// post sends the run's request signed with the test key and returns the
// status.
func (h *harness) post(t *testing.T, r hcptest.Run) int {
	t.Helper()
	body := h.fake.Payload(r)
	code, err := hcptest.Post(context.Background(), http.DefaultClient, h.url, hcptest.Sign(testKey, body), body)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// callback waits for the callback of run id.
func (h *harness) callback(t *testing.T, id string) hcptest.Callback {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		for _, cb := range h.fake.Callbacks() {
			if cb.TaskResultID == "taskrs-"+id {
				return cb
			}
		}
		_, _ = h.fake.WaitCallbacks(len(h.fake.Callbacks())+1, time.Until(deadline))
	}
	t.Fatalf("no callback for %s", id)
	return hcptest.Callback{}
}
