package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// showTimeout bounds `terraform show` on a binary plan.
const showTimeout = 5 * time.Minute

// terraformBinary finds terraform: $TERRAFORM_PATH first, then PATH.
func terraformBinary() (string, error) {
	if p := os.Getenv("TERRAFORM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("TERRAFORM_PATH is %s, which does not exist", p)
		}
		return p, nil
	}
	if p, err := exec.LookPath("terraform"); err == nil {
		return p, nil
	}
	return "", errors.New("it is a binary plan file, and reading one needs terraform: set TERRAFORM_PATH or put terraform on PATH, or pass the output of `terraform show -json PLANFILE`")
}

// showBinaryPlan runs `terraform show -json` on a binary plan file, in the
// plan's directory (the working directory it was made in, usually).
func showBinaryPlan(path string) ([]byte, error) {
	tf, err := terraformBinary()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), showTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tf, "show", "-json", "-no-color", abs)
	cmd.Dir = filepath.Dir(abs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("terraform show -json failed: %s", firstLines(msg, 6))
	}
	return stdout.Bytes(), nil
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " ")
}
