package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGitHubEscapes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in, data, property string
	}{
		"plain":    {in: "multi_az = false", data: "multi_az = false", property: "multi_az = false"},
		"percent":  {in: "100%", data: "100%25", property: "100%25"},
		"newlines": {in: "a\r\nb\nc", data: "a%0D%0Ab%0Ac", property: "a%0D%0Ab%0Ac"},
		"colon":    {in: "title: x", data: "title: x", property: "title%3A x"},
		"comma":    {in: "a,b", data: "a,b", property: "a%2Cb"},
		"already":  {in: "%0A", data: "%250A", property: "%250A"},
		"command":  {in: "x\n::error::injected", data: "x%0A::error::injected", property: "x%0A%3A%3Aerror%3A%3Ainjected"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := ghData(tt.in); got != tt.data {
				t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
			}
			if got := ghProperty(tt.in); got != tt.property {
				t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.property)
			}
		})
	}
}

// TestGitHubOneCommandPerLine: whatever the messages hold, each annotation
// is one line starting with a command, most severe first, so that nothing
// in a plan can start a workflow command of its own.
func TestGitHubOneCommandPerLine(t *testing.T) {
	t.Parallel()
	rep := withMessage(ciReport(), "line one\n::set-output name=x::y\r\n%0A")
	var buf bytes.Buffer
	if err := (githubFormat{opts: Options{Locate: locateCI}}).Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var commands []string
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		cmd, _, _ := strings.Cut(line, " ")
		commands = append(commands, cmd)
	}
	want := []string{"::error", "::error", "::notice", "::error"} // critical, high, low; then the check error
	if diff := cmp.Diff(want, commands); diff != "" {
		t.Errorf("commands (-want +got):\n%s\n%s", diff, buf.String())
	}
}
