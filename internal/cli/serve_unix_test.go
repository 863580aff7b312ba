//go:build unix

package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/runtask/hcptest"
)

// TestServeDrainsOnSIGTERM runs `readiness serve` as main does (signal
// handling included) against a fake HCP Terraform, holds the plan
// downloads so that tasks are running and queued, and sends SIGTERM: the
// server stops listening, every accepted task still calls back once,
// judged with the --config given, and the process exits 0.
func TestServeDrainsOnSIGTERM(t *testing.T) {
	t.Parallel()
	const tasks = 6
	key := "serve-test-key"
	fake := hcptest.New(t)
	fake.HoldDownloads()
	t.Cleanup(fake.ReleaseDownloads)
	conf := filepath.Join(t.TempDir(), ".readiness.hcl")
	if err := os.WriteFile(conf, []byte(`fail_on = "critical"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "serve", "--listen", "127.0.0.1:0", "--hcp-address", fake.API.URL,
		"--download-host", fake.DownloadHost, "--workers", "2", "--config", conf)
	cmd.Env = append(os.Environ(), helperEnv+"=1", hmacKeyEnv+"="+key)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	logs := &lockedLog{}
	address := make(chan string, 1)
	exited := make(chan error, 1)
	go func() {
		// Wait closes the pipe: read it to its end first.
		logs.read(stderr, address)
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})

	var url string
	select {
	case addr := <-address:
		url = "http://" + addr
	case err := <-exited:
		exited <- err
		t.Fatalf("serve ended (%v) before it listened:\n%s", err, logs.String())
	case <-time.After(time.Minute):
		t.Fatalf("serve did not listen:\n%s", logs.String())
	}

	// not_ready.json fails at --fail-on high, passes at critical: the
	// configuration decides.
	plan, err := os.ReadFile("testdata/not_ready.json")
	if err != nil {
		t.Fatal(err)
	}
	for i := range tasks {
		r := hcptest.Run{ID: fmt.Sprintf("run-%d", i), Token: "tok.atlasv1.secret", Plan: plan}
		fake.Add(r)
		body := fake.Payload(r)
		code, err := hcptest.Post(context.Background(), http.DefaultClient, url+"/runtask", hcptest.Sign([]byte(key), body), body)
		if err != nil || code != http.StatusOK {
			t.Fatalf("%s: status %d, %v", r.ID, code, err)
		}
	}
	waitFor(t, "both workers downloading", func() bool { _, downloads, _ := fake.Counts(); return downloads == 2 })
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the listener closed", func() bool {
		conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
		if err == nil {
			conn.Close()
		}
		return err != nil
	})
	fake.ReleaseDownloads()

	select {
	case err := <-exited:
		exited <- err
		if err != nil {
			t.Fatalf("serve exited with %v, want 0:\n%s", err, logs.String())
		}
	case <-time.After(time.Minute):
		t.Fatalf("serve did not exit after draining:\n%s", logs.String())
	}
	cbs := fake.Callbacks()
	seen := map[string]int{}
	for _, cb := range cbs {
		seen[cb.TaskResultID]++
		attrs := cb.Document.Data.Attributes
		if attrs.Status != "passed" || !strings.Contains(attrs.Message, "fail-on critical") {
			t.Errorf("%s: %s %q, want passed at fail-on critical", cb.TaskResultID, attrs.Status, attrs.Message)
		}
	}
	if len(cbs) != tasks || len(seen) != tasks {
		t.Errorf("%d callbacks for %d tasks (%d distinct):\n%s", len(cbs), tasks, len(seen), logs.String())
	}
	text := logs.String()
	if strings.Contains(text, "secret") || !strings.Contains(text, `"signal":"terminated"`) || !strings.Contains(text, "drained") {
		t.Errorf("the log should tell the drain and never hold a token:\n%s", text)
	}
}

// lockedLog gathers a process's JSON log lines and finds the address it
// serves on.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) read(r io.Reader, address chan<- string) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		l.mu.Lock()
		l.b.WriteString(line + "\n")
		l.mu.Unlock()
		var entry struct{ Msg, Address string }
		if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "serving run tasks" {
			address <- entry.Address
		}
	}
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitFor polls cond, a state that no channel announces, for up to a
// minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal(errors.New("timed out waiting for " + what))
		}
		time.Sleep(5 * time.Millisecond)
	}
}
