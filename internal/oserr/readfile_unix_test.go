//go:build unix

package oserr

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFile: what a repository can put where a configuration file is
// expected, each refused with a clear reason and without blocking or
// reading without end.
func TestReadFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "pipe.tf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	small := write("main.tf", "resource \"x\" \"y\" {}\n")
	tests := map[string]struct {
		path    string
		limit   int64
		want    string // content, when read
		wantErr string
	}{
		"regular file":           {path: small, limit: 1 << 20, want: "resource \"x\" \"y\" {}\n"},
		"link to a regular file": {path: link("linked.tf", small), limit: 1 << 20, want: "resource \"x\" \"y\" {}\n"},
		"exactly the limit":      {path: write("ten.tf", "0123456789"), limit: 10, want: "0123456789"},
		"over the limit":         {path: write("eleven.tf", "0123456789A"), limit: 10, wantErr: "is larger than 10 bytes: not read"},
		"over a limit in MiB":    {path: write("big.tf", string(make([]byte, 1<<20+1))), limit: 1 << 20, wantErr: "is larger than 1 MiB: not read"},
		"link to /dev/zero":      {path: link("zero.tf", "/dev/zero"), limit: 1 << 20, wantErr: ErrNotRegular.Error()},
		"named pipe":             {path: fifo, limit: 1 << 20, wantErr: ErrNotRegular.Error()},
		"link to a named pipe":   {path: link("pipelink.tf", fifo), limit: 1 << 20, wantErr: ErrNotRegular.Error()},
		"directory":              {path: dir, limit: 1 << 20, wantErr: "is a directory"},
		"dangling link":          {path: link("dangling.tf", filepath.Join(dir, "nothing")), limit: 1 << 20, wantErr: "no such file"},
		"missing":                {path: filepath.Join(dir, "missing.tf"), limit: 1 << 20, wantErr: "no such file"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			var got []byte
			var err error
			go func() {
				defer close(done)
				got, err = ReadFile(tc.path, tc.limit)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ReadFile blocked")
			}
			switch {
			case tc.wantErr != "":
				if err == nil || err.Error() != tc.wantErr {
					t.Errorf("error = %v, want %q", err, tc.wantErr)
				}
			case err != nil:
				t.Errorf("error = %v", err)
			case string(got) != tc.want:
				t.Errorf("read %q, want %q", got, tc.want)
			}
		})
	}
}

// TestReadGiven: a file named on the command line may be a pipe
// (--var-file <(sops -d prod.tfvars)); a device is read as far as the
// limit, never without end.
func TestReadGiven(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "vars.tfvars")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		_, _ = f.WriteString("region = \"eu-west-1\"\n")
		_ = f.Close()
	}()
	got, err := ReadGiven(fifo, 1<<20)
	if err != nil || string(got) != "region = \"eu-west-1\"\n" {
		t.Errorf("pipe: read %q, %v", got, err)
	}
	if _, err := ReadGiven("/dev/zero", 1<<20); err == nil || err.Error() != "is larger than 1 MiB: not read" {
		t.Errorf("/dev/zero: error = %v", err)
	}
	if _, err := ReadGiven(dir, 1<<20); err == nil || err.Error() != "is a directory" {
		t.Errorf("directory: error = %v", err)
	}
	if _, err := ReadGiven(filepath.Join(dir, "missing"), 1<<20); err == nil || err.Error() != "no such file" {
		t.Errorf("missing: error = %v", err)
	}
}
