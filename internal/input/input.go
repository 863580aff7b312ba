// Package input turns a path given on the command line (a JSON plan or state
// in any encoding Terraform and PowerShell write, or a binary plan file) into
// the model.
package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Read loads one input, streaming it through the decoder. Errors name the
// file and the problem.
func Read(path string) (*model.Plan, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	if info.IsDir() {
		p, err := hclconfig.Read(path) // a configuration directory, read statically
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return p, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(4)
	if isBinaryPlan(head) {
		return Parse(path, head)
	}
	return decode(path, br, head)
}

// Parse decodes the bytes of an input named path.
func Parse(path string, data []byte) (*model.Plan, error) {
	if isBinaryPlan(data) {
		var err error
		if data, err = showBinaryPlan(path); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	return decode(path, bytes.NewReader(data), data[:min(len(data), 4)])
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

func describeOSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
