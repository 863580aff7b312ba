// Package input turns a path given on the command line (a JSON plan or state
// in any encoding Terraform and PowerShell write, or a binary plan file) into
// the model.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Read loads one input. Errors name the file and the problem.
func Read(path string) (*model.Plan, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("read %s: is a directory; scanning Terraform configuration directories is not supported yet: pass a plan file (terraform show -json)", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, describeOSError(err))
	}
	return Parse(path, data)
}

// Parse decodes the bytes of an input named path.
func Parse(path string, data []byte) (*model.Plan, error) {
	if isBinaryPlan(data) {
		var err error
		if data, err = showBinaryPlan(path); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	text, err := toUTF8(data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, fmt.Errorf("read %s: the file is empty", path)
	}
	p, err := model.Decode(path, text)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return p, nil
}

// isBinaryPlan recognises the zip archive that `terraform plan -out` writes.
func isBinaryPlan(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
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
