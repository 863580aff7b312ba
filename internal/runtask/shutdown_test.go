package runtask_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/runtask"
	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// TestRunTaskGracefulShutdown stops a server (as SIGTERM does) while tasks run
// and wait in its queue: it stops taking requests, and every accepted task
// still calls back once before Serve returns. When the drain is cut short
// (force), the tasks still scanning call back failed, saying why: none is
// lost either way.
func TestRunTaskGracefulShutdown(t *testing.T) {
	t.Parallel()
	const tasks = 12
	tests := map[string]struct {
		force      bool
		wantStatus string
		wantPrefix string // of the message
		wantText   string // in the message
	}{
		"drain":           {wantStatus: "passed", wantPrefix: "READY · "},
		"drain cut short": {force: true, wantStatus: "failed", wantPrefix: "ERROR · ", wantText: "the readiness server stopped before the task finished; run the plan again"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fake := hcptest.New(t)
			started, gate := make(chan struct{}, tasks), make(chan struct{})
			s, err := runtask.New(runtask.Options{
				HCPAddress: fake.API.URL, DownloadHosts: []string{fake.DownloadHost}, HMACKey: testKey,
				Scan: gatedScan(started, gate), Workers: 2, QueueSize: tasks,
				Attempts: 3, Backoff: time.Millisecond, MaxBackoff: time.Millisecond,
				Logger: slog.New(slog.DiscardHandler),
			})
			if err != nil {
				t.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			url := "http://" + ln.Addr().String()
			stop, sigterm := context.WithCancel(context.Background())
			force, cutShort := context.WithCancel(context.Background())
			defer cutShort()
			served := make(chan error, 1)
			go func() { served <- s.Serve(stop, ln, force) }()

			plan := readFile(t, readyPlan)
			for i := range tasks {
				r := hcptest.Run{ID: fmt.Sprintf("run-%02d", i), Token: "tok-secret", Plan: plan}
				fake.Add(r)
				body := fake.Payload(r)
				if code, err := hcptest.Post(context.Background(), http.DefaultClient, url+"/runtask", hcptest.Sign(testKey, body), body); err != nil || code != http.StatusOK {
					t.Fatalf("%s: status %d, %v", r.ID, code, err)
				}
			}
			<-started // a scan runs: the others wait in the queue
			<-started
			sigterm()
			// Once it stops listening, the server takes no request.
			deadline := time.Now().Add(wait)
			for {
				resp, err := http.Get(url + "/readyz")
				if err != nil {
					break
				}
				resp.Body.Close()
				if time.Now().After(deadline) {
					t.Fatal("the server still listens after SIGTERM")
				}
				time.Sleep(5 * time.Millisecond) // polling a condition that has no signal
			}
			if tt.force {
				cutShort()
			} else {
				close(gate)
			}
			select {
			case err := <-served:
				if err != nil {
					t.Fatalf("Serve: %v", err)
				}
			case <-time.After(wait):
				t.Fatal("Serve did not return")
			}
			// Serve has returned: every callback is in.
			cbs := fake.Callbacks()
			seen := map[string]int{}
			for _, cb := range cbs {
				seen[cb.TaskResultID]++
				attrs := cb.Document.Data.Attributes
				if attrs.Status != tt.wantStatus || !strings.HasPrefix(attrs.Message, tt.wantPrefix) || !strings.Contains(attrs.Message, tt.wantText) {
					t.Errorf("%s: %s %q, want %s %q...%q", cb.TaskResultID, attrs.Status, attrs.Message, tt.wantStatus, tt.wantPrefix, tt.wantText)
				}
			}
			if len(cbs) != tasks || len(seen) != tasks {
				t.Errorf("%d callbacks for %d tasks (%d distinct)", len(cbs), tasks, len(seen))
			}
			if !tt.force {
				return
			}
			close(gate)
		})
	}
}
