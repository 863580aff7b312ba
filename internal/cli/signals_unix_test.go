//go:build unix

package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSignalRemovesTemporaryFile stops the command while a report waits in
// its temporary file: the JSON report is staged, and the text report waits
// for a reader of its FIFO, which never comes.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		sig      syscall.Signal
		wantCode int
	}{
		"SIGINT":  {syscall.SIGINT, 130},
		"SIGTERM": {syscall.SIGTERM, 143},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			fifo := filepath.Join(dir, "text.fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "scan", "--format", "json="+filepath.Join(dir, "r.json"), "--format", "text="+fifo, "testdata/ready.json")
			cmd.Env = append(os.Environ(), helperEnv+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			t.Cleanup(func() {
				_ = cmd.Process.Kill()
				<-exited
			})

			deadline := time.Now().Add(10 * time.Second)
			for {
				if tmp, _ := filepath.Glob(filepath.Join(dir, ".r.json.*.tmp")); len(tmp) == 1 {
					break
				}
				select {
				case err := <-exited:
					exited <- err
					t.Fatalf("the command ended (%v) before its temporary file was seen; stderr:\n%s", err, stderr.String())
				case <-time.After(5 * time.Millisecond):
				}
				if time.Now().After(deadline) {
					t.Fatal("no temporary file appeared")
				}
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-exited:
				exited <- err
			case <-time.After(10 * time.Second):
				t.Fatalf("the command did not end on %s", name)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.wantCode {
				t.Errorf("exit: %v, want code %d", err, tt.wantCode)
			}
			if stderr.String() != "readiness: stopped by "+name+"; temporary report files removed\n" {
				t.Errorf("stderr = %q", stderr.String())
			}
			assertOnly(t, dir, "text.fifo")
		})
	}
}
