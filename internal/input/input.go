// Package input turns a path given on the command line (a JSON plan or state
// in any encoding Terraform and PowerShell write, or a binary plan file) into
// the model.
package input

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// DefaultWait is how long Read waits for a named pipe's writer, or for a
// device's first byte.
const DefaultWait = 30 * time.Second

// Reader reads inputs. The zero value is the reader Read uses.
type Reader struct {
	// Wait bounds how long a named pipe may stay without a writer, and a
	// device (a terminal, say) without data, before Read gives up
	// (DefaultWait when zero). A writer that is there is waited for as long
	// as it takes: a large plan's `terraform show -json` may need minutes
	// before its first byte.
	Wait time.Duration
	// showWaitDelay bounds the wait for `terraform show`'s output once it
	// has exited (showWaitDelay when zero); tests shorten it.
	showWaitDelay time.Duration
	// Config says how a directory of configuration is read: variable
	// values, the workspace, and whether a module call that cannot be read
	// is an error (the default) or a warning. Plans and states ignore it.
	Config hclconfig.Options
}

// Read loads one input with the default Reader.
func Read(path string) (*model.Plan, error) {
	return Reader{}.Read(path)
}

// Read loads one input, streaming it through the decoder. Errors name the
// file and the problem.
func (rd Reader) Read(path string) (*model.Plan, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	if info.IsDir() {
		return rd.readConfig(path) // a configuration directory, read statically
	}
	f, br, err := openInput(path, info.Mode(), cmp.Or(rd.Wait, DefaultWait))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	defer f.Close()
	head, _ := br.Peek(4)
	if isBinaryPlan(head) {
		data, err := showBinaryPlan(path, cmp.Or(rd.showWaitDelay, showWaitDelay))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return decode(path, bytes.NewReader(data), data[:min(len(data), 4)])
	}
	return decode(path, br, head)
}

// Parse decodes a JSON plan or state given as bytes, named name in errors.
// It never runs anything: the bytes of a binary plan file are an error, as
// they are not JSON (only Read, given the file, runs `terraform show`).
func Parse(name string, data []byte) (*model.Plan, error) {
	if isBinaryPlan(data) {
		return nil, fmt.Errorf("read %s: not JSON: this is a binary plan file (a zip archive); give the JSON that `terraform show -json` writes, or the plan file's path", name)
	}
	return decode(name, bytes.NewReader(data), data[:min(len(data), 4)])
}

// decode reads a JSON plan or state from r, whose first bytes are head.
func decode(path string, r io.Reader, head []byte) (*model.Plan, error) {
	text, err := utf8Reader(r, head)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	p, err := model.DecodeReader(path, text)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	return p, nil
}

// isBinaryPlan recognises the zip archive that `terraform plan -out` writes.
func isBinaryPlan(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04"))
}

func describeOSError(err error) error { return oserr.Describe(err, "no such file") }
