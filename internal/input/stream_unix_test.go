//go:build unix

package input

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const wait = 200 * time.Millisecond

// writeLater writes the plan into the pipe or FIFO at path from another
// goroutine: it opens it after openAfter, then writes after writeAfter.
func writeLater(t *testing.T, path string, openAfter, writeAfter time.Duration) {
	t.Helper()
	done := make(chan struct{})
	t.Cleanup(func() { <-done })
	go func() {
		defer close(done)
		time.Sleep(openAfter)
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer w.Close()
		time.Sleep(writeAfter)
		if _, err := w.WriteString(tinyPlan); err != nil {
			t.Error(err)
		}
	}()
}

func mkfifo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadStreams reads named pipes, pipes and devices: nobody writing is an
// error after the wait, a writer that comes, or is slow to write, is read.
func TestReadStreams(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		// setup returns the input's path.
		setup func(t *testing.T) string
		// want is a part of the error, or "" for a plan read.
		want string
	}{
		"fifo that nobody writes": {
			setup: mkfifo,
			want:  "no program opened this named pipe for writing within 200ms",
		},
		"fifo whose writer comes late": {
			setup: func(t *testing.T) string {
				path := mkfifo(t)
				writeLater(t, path, wait/4, 0)
				return path
			},
		},
		"fifo whose writer is slow to write": {
			setup: func(t *testing.T) string {
				path := mkfifo(t)
				writeLater(t, path, 0, 3*wait)
				return path
			},
		},
		"pipe whose writer is slow to write, as <(terraform show -json tfplan)": {
			setup: func(t *testing.T) string {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = r.Close() })
				go func() {
					defer w.Close()
					time.Sleep(3 * wait)
					_, _ = w.WriteString(tinyPlan)
				}()
				return "/dev/fd/" + strconv.Itoa(int(r.Fd()))
			},
		},
		"device at its end": {
			setup: func(*testing.T) string { return "/dev/null" },
			want:  "the file is empty",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := tt.setup(t)
			start := time.Now()
			p, err := Reader{Wait: wait}.Read(path)
			took := time.Since(start)
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want == "" && p.Lookup("aws_s3_bucket.b") == nil:
				t.Error("the plan was not read")
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path)):
				t.Errorf("error %v should name %s and say %q", err, path, tt.want)
			}
			if took > 10*wait {
				t.Errorf("the read took %s", took)
			}
		})
	}
}
