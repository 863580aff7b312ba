//go:build unix

package cli

import (
	"bytes"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// received is what a reader of a stream got, or nil when it got nothing in
// time.
type received func(t *testing.T) []byte

// readFIFO reads everything written into the FIFO at path, in the
// background.
func readFIFO(t *testing.T, path string) received {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(path) // waits for a writer
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		got <- data
	}()
	return func(t *testing.T) []byte {
		select {
		case data := <-got:
			return data
		case <-time.After(10 * time.Second):
			// Let the reader go, if the FIFO is still there.
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				_ = w.Close()
			}
			return nil
		}
	}
}

func assertType(t *testing.T, path string, want fs.FileMode, follow bool) {
	t.Helper()
	stat := os.Lstat
	if follow {
		stat = os.Stat
	}
	info, err := stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Type(); got != want {
		t.Errorf("%s is %v, want %v", path, got, want)
	}
}

// TestScanWritesIntoTarget writes a report where something other than a
// regular file is: what is there stays, and gets the report.
func TestScanWritesIntoTarget(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		// setup returns the path to write the report to, and the function
		// that checks it afterwards and returns what its reader received
		// (nil when nobody can tell).
		setup func(t *testing.T, dir string) (string, received)
		// discards: nobody can read the report back.
		discards bool
	}{
		"fifo with a reader": {setup: func(t *testing.T, dir string) (string, received) {
			path := filepath.Join(dir, "report.fifo")
			got := readFIFO(t, path)
			return path, func(t *testing.T) []byte {
				data := got(t)
				assertType(t, path, fs.ModeNamedPipe, false)
				return data
			}
		}},
		"symbolic link to a fifo": {setup: func(t *testing.T, dir string) (string, received) {
			fifo := filepath.Join(dir, "report.fifo")
			got := readFIFO(t, fifo)
			link := filepath.Join(dir, "link")
			if err := os.Symlink("report.fifo", link); err != nil {
				t.Fatal(err)
			}
			return link, func(t *testing.T) []byte {
				data := got(t)
				assertType(t, link, fs.ModeSymlink, false)
				assertType(t, fifo, fs.ModeNamedPipe, false)
				return data
			}
		}},
		"symbolic link to /dev/null": {setup: func(t *testing.T, dir string) (string, received) {
			link := filepath.Join(dir, "null")
			if err := os.Symlink("/dev/null", link); err != nil {
				t.Fatal(err)
			}
			return link, func(t *testing.T) []byte {
				assertType(t, link, fs.ModeSymlink, false)
				assertType(t, link, fs.ModeDevice|fs.ModeCharDevice, true)
				if dest, _ := os.Readlink(link); dest != "/dev/null" {
					t.Errorf("link points at %q", dest)
				}
				assertOnly(t, dir, "null")
				return nil
			}
		}, discards: true},
		"socket": {setup: func(t *testing.T, dir string) (string, received) {
			path := filepath.Join(dir, "r.sock")
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = l.Close() })
			got := make(chan []byte, 1)
			go func() {
				c, err := l.Accept()
				if err != nil {
					got <- nil
					return
				}
				defer c.Close()
				data, _ := io.ReadAll(c)
				got <- data
			}()
			return path, func(t *testing.T) []byte {
				assertType(t, path, fs.ModeSocket, false)
				select {
				case data := <-got:
					return data
				case <-time.After(10 * time.Second):
					return nil
				}
			}
		}},
		"symbolic link to a regular file": {setup: func(t *testing.T, dir string) (string, received) {
			reports := filepath.Join(dir, "reports")
			if err := os.Mkdir(reports, 0o755); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(reports, "r.json")
			if err := os.WriteFile(file, []byte("old report\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "link.json")
			if err := os.Symlink("reports/r.json", link); err != nil {
				t.Fatal(err)
			}
			return link, func(t *testing.T) []byte {
				assertType(t, link, fs.ModeSymlink, false)
				assertOnly(t, dir, "link.json", "reports")
				assertOnly(t, reports, "r.json")
				data, _ := os.ReadFile(file)
				return data
			}
		}},
		"symbolic link to a file yet to be": {setup: func(t *testing.T, dir string) (string, received) {
			link := filepath.Join(dir, "link.json")
			if err := os.Symlink("new.json", link); err != nil {
				t.Fatal(err)
			}
			return link, func(t *testing.T) []byte {
				assertType(t, link, fs.ModeSymlink, false)
				assertOnly(t, dir, "link.json", "new.json")
				data, _ := os.ReadFile(filepath.Join(dir, "new.json"))
				return data
			}
		}},
		"descriptor of a file opened for appending": {setup: func(t *testing.T, dir string) (string, received) {
			if _, err := os.Stat("/proc/self/fd"); err != nil {
				t.Skip("no /proc/self/fd")
			}
			file := filepath.Join(dir, "log.txt")
			if err := os.WriteFile(file, []byte("before\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = f.Close() })
			before, _ := f.Stat()
			return "/proc/self/fd/" + strconv.Itoa(int(f.Fd())), func(t *testing.T) []byte {
				after, err := os.Stat(file)
				if err != nil || !os.SameFile(before, after) {
					t.Errorf("%s was replaced", file)
				}
				assertOnly(t, dir, "log.txt")
				data, _ := os.ReadFile(file)
				rest, ok := bytes.CutPrefix(data, []byte("before\n"))
				if !ok {
					t.Errorf("what the file held is gone:\n%s", data)
				}
				return rest
			}
		}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path, after := tt.setup(t, dir)
			o := run(testChecks, "scan", "--format", "json="+path, "testdata/ready.json")
			if o.code != ExitReady || o.stderr != "" {
				t.Errorf("exit code %d, stderr %q", o.code, o.stderr)
			}
			data := after(t)
			if tt.discards {
				return
			}
			if doc := decodeReport(t, data); !doc.Summary.Ready || doc.Summary.Pass != 2 {
				t.Errorf("the report received is not the whole report: %+v", doc.Summary)
			}
		})
	}
}

// TestScanWritesEveryFileOrNone: when one report cannot be written, no
// other report file is put in place.
func TestScanWritesEveryFileOrNone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "missing", "r.txt")
	o := run(testChecks, "scan", "--format", "json="+filepath.Join(dir, "r.json"), "--format", "text="+bad,
		"--write-baseline", filepath.Join(dir, "b.json"), "testdata/ready.json")
	if want := "readiness: write " + bad + ": no such directory\n"; o.code != ExitError || o.stderr != want {
		t.Errorf("exit code %d, stderr %q; want %d, %q", o.code, o.stderr, ExitError, want)
	}
	assertOnly(t, dir)
}

func TestTempFilesStop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := newTempFiles()
	f, err := files.create(dir, ".r.json.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files.stop()
	assertOnly(t, dir)
	if _, err := files.create(dir, ".r.json.*.tmp"); err != errStopped {
		t.Errorf("create after stop: %v", err)
	}
	if err := files.rename(f.Name(), filepath.Join(dir, "r.json")); err != errStopped || !strings.Contains(err.Error(), "signal") {
		t.Errorf("rename after stop: %v", err)
	}
	assertOnly(t, dir)
}
