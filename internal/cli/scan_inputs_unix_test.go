//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestScanReadsPipes scans a named pipe whose writer comes late and a pipe
// whose writer is slow, as a shell's <(terraform show -json tfplan) is.
func TestScanReadsPipes(t *testing.T) {
	t.Parallel()
	plan, err := os.ReadFile("testdata/ready.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		// setup returns the input's path and the writer to start.
		setup func(t *testing.T) (string, func() (*os.File, error))
	}{
		"named pipe": {setup: func(t *testing.T) (string, func() (*os.File, error)) {
			path := filepath.Join(t.TempDir(), "plan.fifo")
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Fatal(err)
			}
			return path, func() (*os.File, error) { return os.OpenFile(path, os.O_WRONLY, 0) }
		}},
		"pipe": {setup: func(t *testing.T) (string, func() (*os.File, error)) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = r.Close() })
			return "/dev/fd/" + strconv.Itoa(int(r.Fd())), func() (*os.File, error) { return w, nil }
		}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path, open := tt.setup(t)
			done := make(chan struct{})
			go func() {
				defer close(done)
				time.Sleep(100 * time.Millisecond)
				w, err := open()
				if err != nil {
					t.Error(err)
					return
				}
				defer w.Close()
				time.Sleep(100 * time.Millisecond)
				_, _ = w.Write(plan)
			}()
			o := run(testChecks, "scan", "--format", "json", path)
			<-done
			if o.code != ExitReady {
				t.Fatalf("exit code %d; stderr %s", o.code, o.stderr)
			}
			if doc := decodeReport(t, []byte(o.stdout)); !doc.Summary.Ready || doc.Summary.Pass != 2 {
				t.Errorf("summary = %+v", doc.Summary)
			}
		})
	}
}
