//go:build unix

package hclconfig

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFilesThatAreNotFiles: a repository can commit a symbolic link to a
// device where a configuration or variables file belongs; read, /dev/zero
// never ends. Each is an error naming the file, at once.
func TestFilesThatAreNotFiles(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"zero.tf", "zero.tf.json", "terraform.tfvars", "zero.auto.tfvars.json"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.tf"), "variable \"v\" { default = 1 }\nresource \"aws_s3_bucket\" \"logs\" {}\n")
			if err := os.Symlink("/dev/zero", filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			_, err := LoadWith(dir, Options{})
			if err == nil || !strings.Contains(err.Error(), name+": ") || !strings.Contains(err.Error(), "is not a regular file") {
				t.Errorf("error = %v, want one naming %s as not a regular file", err, name)
			}
		})
	}
}

// TestVarFilePipe: a variables file named with --var-file may be a pipe,
// as with `--var-file <(sops -d prod.tfvars)`; found in the directory, it
// would be refused (TestFilesThatAreNotFiles).
func TestVarFilePipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), "variable \"bucket\" {}\nresource \"aws_s3_bucket\" \"logs\" { bucket = var.bucket }\n")
	fifo := filepath.Join(t.TempDir(), "secrets.tfvars")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		_, _ = f.WriteString("bucket = \"from-a-pipe\"\n")
		_ = f.Close()
	}()
	res, err := LoadWith(dir, Options{Vars: []Var{{File: fifo}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := res.Plan.Lookup("aws_s3_bucket.logs").Attr("bucket").Str(); got != "from-a-pipe" {
		t.Errorf("bucket = %q, want the value the pipe gave", got)
	}
}
