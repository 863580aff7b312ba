package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const webappPlan = "../../examples/scan/webapp/plan.json"

// TestScanWebappBlockingFirst: the README's example, scanned with the real
// catalogue, shows every failure that decides its exit code within the
// first 20 lines of the text report, each as "address — message" with its
// check on the next line.
func TestScanWebappBlockingFirst(t *testing.T) {
	t.Parallel()
	var text, stderr bytes.Buffer
	if code := Run([]string{"scan", webappPlan}, &text, &stderr); code != ExitNotReady {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, ExitNotReady, stderr.String())
	}
	var js bytes.Buffer
	if code := Run([]string{"scan", "--format", "json", webappPlan}, &js, &stderr); code != ExitNotReady {
		t.Fatalf("json: exit code = %d, want %d; stderr:\n%s", code, ExitNotReady, stderr.String())
	}
	var doc struct {
		Results []struct {
			CheckID  string `json:"check_id"`
			Severity string `json:"severity"`
			Status   string `json:"status"`
			Address  string `json:"address"`
			Message  string `json:"message"`
		} `json:"results"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(text.String(), "\n")
	top := lines[:min(20, len(lines))]
	blocking := 0
	for _, r := range doc.Results {
		if r.Status != "fail" || r.Severity != "critical" && r.Severity != "high" { // --fail-on high
			continue
		}
		blocking++
		want := r.Address + " — " + strings.SplitN(r.Message, "\n", 2)[0]
		found := false
		for i, l := range top[:len(top)-1] {
			if strings.HasSuffix(l, want) && strings.HasPrefix(strings.TrimSpace(top[i+1]), r.CheckID+" ") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("the first 20 lines lack %s %q", r.CheckID, want)
		}
	}
	if blocking < 2 {
		t.Errorf("%d blocking failures in the example, want several", blocking)
	}
	if got := strings.Count(strings.Join(top, "\n"), " — "); got != blocking {
		t.Errorf("%d findings listed at the top, want the %d blocking ones", got, blocking)
	}
	if t.Failed() {
		t.Logf("first 20 lines:\n%s", strings.Join(top, "\n"))
	}
}

// TestScanVerdictWords: --fail-on none over failures says NOT READY (not
// enforced) and exits 0, while the JSON contract's summary.ready stays
// true; a baseline's failures are counted next to the score.
func TestScanVerdictWords(t *testing.T) {
	t.Parallel()
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	if o := run(testChecks, "scan", "--write-baseline", baseline, "testdata/not_ready.json"); o.code != ExitNotReady {
		t.Fatalf("write baseline: exit code = %d; stderr:\n%s", o.code, o.stderr)
	}
	tests := map[string]struct {
		args      []string
		wantCode  int
		wantFirst string // the first line
		wantReady bool   // summary.ready in the JSON report
	}{
		"fail-on none": {
			args: []string{"--fail-on", "none"}, wantCode: ExitReady, wantReady: true,
			wantFirst: "NOT READY (not enforced)  score 40/100  (fail-on none, profile production)",
		},
		"fail-on critical": {
			args: []string{"--fail-on", "critical"}, wantCode: ExitReady, wantReady: true,
			wantFirst: "READY  score 40/100  (fail-on critical, profile production)",
		},
		"fail-on high": {
			args: []string{"--fail-on", "high"}, wantCode: ExitNotReady,
			wantFirst: "NOT READY  score 40/100  (fail-on high, profile production)",
		},
		"baselined": {
			args: []string{"--baseline", baseline}, wantCode: ExitReady, wantReady: true,
			wantFirst: "READY  score 100/100 (3 baselined)  (fail-on high, profile production)",
		},
		"baselined and fail-on none": {
			args: []string{"--baseline", baseline, "--fail-on", "none"}, wantCode: ExitReady, wantReady: true,
			wantFirst: "READY  score 100/100 (3 baselined)  (fail-on none, profile production)",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			jsonOut := filepath.Join(t.TempDir(), "r.json")
			args := append(append([]string{"scan"}, tt.args...), "--format", "text", "--format", "json="+jsonOut, "testdata/not_ready.json")
			o := run(testChecks, args...)
			if o.code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if first, _, _ := strings.Cut(o.stdout, "\n"); first != tt.wantFirst {
				t.Errorf("first line = %q, want %q", first, tt.wantFirst)
			}
			data, err := os.ReadFile(jsonOut)
			if err != nil {
				t.Fatal(err)
			}
			if doc := decodeReport(t, data); doc.Summary.Ready != tt.wantReady {
				t.Errorf("summary.ready = %v, want %v", doc.Summary.Ready, tt.wantReady)
			}
		})
	}
}

// TestScanQuiet: --quiet keeps the text report to the verdict and the
// blocking list, wherever the text report goes; other formats are whole.
func TestScanQuiet(t *testing.T) {
	t.Parallel()
	// A first apply: the plan introduces every failure.
	const notReady = "NOT READY  score 40/100  (fail-on high, profile production)\n" +
		"this plan introduces 1 blocking gap (and 2 below --fail-on high)\n" +
		"\n" +
		"blocking (1): failures at or above --fail-on high\n" +
		"  high      introduced  module.app[\"blue\"].aws_db_instance.main[0] — The instance runs in one availability zone.\n" +
		"                        TEST_RDS_MULTI_AZ  fix: Set multi_az = true.\n"
	tests := map[string]struct {
		args     []string
		wantCode int
		want     string
	}{
		"not ready": {args: []string{"--quiet", "testdata/not_ready.json"}, wantCode: ExitNotReady, want: notReady},
		"shorthand": {args: []string{"-q", "testdata/not_ready.json"}, wantCode: ExitNotReady, want: notReady},
		"ready": {args: []string{"--quiet", "testdata/ready.json"}, wantCode: ExitReady,
			want: "READY  score 100/100  (fail-on high, profile production)\nthis plan introduces no gap\n"},
		"not enforced": {args: []string{"--quiet", "--fail-on", "none", "testdata/not_ready.json"}, wantCode: ExitReady,
			want: "NOT READY (not enforced)  score 40/100  (fail-on none, profile production)\nthis plan introduces 3 gaps\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, append([]string{"scan"}, tt.args...)...)
			if o.code != tt.wantCode || o.stderr != "" {
				t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if diff := cmp.Diff(tt.want, o.stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("to a file, json whole", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		textOut, jsonOut := filepath.Join(dir, "r.txt"), filepath.Join(dir, "r.json")
		o := run(testChecks, "scan", "--quiet", "--format", "text="+textOut, "--format", "json="+jsonOut, "testdata/not_ready.json")
		if o.code != ExitNotReady || o.stdout != "" {
			t.Fatalf("exit code = %d, stdout %q, stderr:\n%s", o.code, o.stdout, o.stderr)
		}
		text, err := os.ReadFile(textOut)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(notReady, string(text)); diff != "" {
			t.Errorf("text file (-want +got):\n%s", diff)
		}
		data, err := os.ReadFile(jsonOut)
		if err != nil {
			t.Fatal(err)
		}
		if doc := decodeReport(t, data); len(doc.Results) != 6 {
			t.Errorf("JSON report has %d results, want all 6", len(doc.Results))
		}
	})
}

// TestScanNoColor: on a terminal that accepts colour, the text report is
// coloured unless --no-color; files never are.
func TestScanNoColor(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args      []string
		wantColor bool
	}{
		"terminal":          {args: []string{"scan", "testdata/not_ready.json"}, wantColor: true},
		"--no-color":        {args: []string{"scan", "--no-color", "testdata/not_ready.json"}},
		"--no-color, quiet": {args: []string{"scan", "--no-color", "--quiet", "testdata/not_ready.json"}},
		"markdown, never":   {args: []string{"scan", "--format", "markdown", "testdata/not_ready.json"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			// color is what runWith sets for a terminal when NO_COLOR is
			// unset and TERM is not dumb.
			a := &app{stdout: &stdout, stderr: &stderr, cat: testCatalogue(testChecks), code: ExitReady, color: true}
			if code := runApp(a, tt.args); code != ExitNotReady {
				t.Fatalf("exit code = %d, want %d; stderr:\n%s", code, ExitNotReady, stderr.String())
			}
			if got := strings.Contains(stdout.String(), "\x1b["); got != tt.wantColor {
				t.Errorf("colour = %v, want %v:\n%q", got, tt.wantColor, stdout.String())
			}
			if !strings.Contains(stdout.String(), "NOT READY") {
				t.Errorf("no verdict:\n%s", stdout.String())
			}
		})
	}
}
