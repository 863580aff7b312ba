package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestStderrIsSafeText: the CLI's own messages quote file names and what
// Terraform and HCL say about them; none of it may drive a terminal or a
// CI log.
func TestStderrIsSafeText(t *testing.T) {
	t.Parallel()
	hostile := "plan\x1b]0;pwned\x07\n::error title=x::gotcha\u202e.json"
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"scan", hostile}, &stdout, &stderr); code != ExitError {
		t.Fatalf("exit %d, want %d", code, ExitError)
	}
	out := stderr.String()
	if !strings.Contains(out, `\x1b`) {
		t.Fatalf("the file name is not in the message, escaped: %q", out)
	}
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("stderr holds %q: %q", bad, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("a line of stderr is a workflow command: %q", line)
		}
	}
}
