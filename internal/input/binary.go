package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

// showWaitDelay is how long showBinaryPlan waits for terraform's output
// once it has exited (or been killed): a process it left behind (a
// provider plugin, say) that still holds the pipes cannot hang the read.
const showWaitDelay = 10 * time.Second

// showBinaryPlan runs `terraform show -json` on a binary plan file, in the
// plan's directory (the working directory it was made in, usually). That
// starts the provider plugins of that directory: it runs their code.
func showBinaryPlan(path string, waitDelay time.Duration) ([]byte, error) {
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
	cmd.WaitDelay = waitDelay
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) {
		// terraform succeeded and its output is whole; something it started
		// kept the pipes open.
		err = nil
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("terraform show -json did not finish within %s", showTimeout)
	case err != nil:
		return nil, fmt.Errorf("terraform show -json failed: %s", terraformErrors(stderr.String(), err))
	}
	return stdout.Bytes(), nil
}
