package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The plans in testdata/change share a database that is single-AZ without
// backups before and after the plan (aws_db_instance.legacy, no-op), and one
// the plan makes Multi-AZ with backups (aws_db_instance.reports, update);
// regresses.json also turns Multi-AZ off on a third
// (aws_db_instance.orders, update).

// TestScanGate: --gate introduced blocks only the failures a plan
// introduces, from its own prior state; --gate all (the default) blocks
// every failure at or above --fail-on; a state has no prior world, so each
// of its failures counts under either gate.
func TestScanGate(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args     []string
		wantCode int
		want     []string // substrings of the text report, in order
	}{
		"default gate blocks what was there before": {
			args: []string{"testdata/change/fixes.json"}, wantCode: ExitNotReady,
			want: []string{
				"NOT READY  score 50/100  (fail-on high, profile production)\n" +
					"this plan introduces no gap and resolves 2; 2 were there before\n",
				"\nblocking (1): failures at or above --fail-on high\n" +
					"  high      existing    aws_db_instance.legacy — The instance runs in one availability zone.\n",
				"\nresolved (2): failures this plan fixes\n",
			},
		},
		"--gate all": {
			args: []string{"--gate", "all", "testdata/change/fixes.json"}, wantCode: ExitNotReady,
			want: []string{"(fail-on high, profile production)\n"},
		},
		"--gate introduced lets what was there before pass": {
			args: []string{"--gate", "introduced", "testdata/change/fixes.json"}, wantCode: ExitReady,
			want: []string{
				"READY  score 50/100  (fail-on high, gate introduced, profile production)\n" +
					"this plan introduces no gap and resolves 2; 2 were there before (not blocking under --gate introduced)\n",
				"\nthere before this plan (1): failures at or above --fail-on high, not blocking under --gate introduced\n" +
					"  high      existing    aws_db_instance.legacy — The instance runs in one availability zone.\n",
			},
		},
		"--gate introduced blocks what the plan introduces": {
			args: []string{"--gate", "introduced", "testdata/change/regresses.json"}, wantCode: ExitNotReady,
			want: []string{
				"this plan introduces 1 blocking gap and resolves 2; 2 were there before (not blocking under --gate introduced)\n",
				"\nblocking (1): failures at or above --fail-on high, under --gate introduced\n" +
					"  high      introduced  aws_db_instance.orders — The instance runs in one availability zone.\n",
				"  FAIL     high      TEST_RDS_MULTI_AZ  aws_db_instance.orders  (introduced, blocking, above)\n" +
					"                     multi_az = true → false\n",
			},
		},
		"--gate is case-insensitive": {
			args: []string{"--gate", "Introduced", "testdata/change/fixes.json"}, wantCode: ExitReady,
		},
		"--fail-on medium under --gate introduced: nothing introduced": {
			args: []string{"--gate", "introduced", "--fail-on", "medium", "testdata/change/fixes.json"}, wantCode: ExitReady,
		},
		"a state under --gate introduced: every failure counts": {
			args: []string{"--gate", "introduced", "testdata/tfstate/terraform.tfstate"}, wantCode: ExitNotReady,
			want: []string{
				"(fail-on high, gate introduced, profile production)\n" +
					"nothing shows which failures were there before (no input is a plan with a prior world), so every failure counts under --gate introduced\n",
			},
		},
		"a first apply: everything is introduced": {
			args: []string{"--gate", "introduced", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			want: []string{"this plan introduces 1 blocking gap (and 2 below --fail-on high)\n"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, append([]string{"scan"}, tt.args...)...)
			assertClean(t, o)
			if o.code != tt.wantCode {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr: %s", o.code, tt.wantCode, o.stdout, o.stderr)
			}
			at := 0
			for _, want := range tt.want {
				i := strings.Index(o.stdout[at:], want)
				if i < 0 {
					t.Fatalf("stdout lacks %q after byte %d:\n%s", want, at, o.stdout)
				}
				at += i + len(want)
			}
		})
	}
}

// TestScanGateJSON: the JSON report names the gate, each result its change
// and the summary the counts of changes; summary.ready follows the gate.
func TestScanGateJSON(t *testing.T) {
	t.Parallel()
	type doc struct {
		Gate    string `json:"gate"`
		Summary struct {
			Ready   bool           `json:"ready"`
			Changes map[string]int `json:"changes"`
		} `json:"summary"`
		Results []struct {
			CheckID string `json:"check_id"`
			Address string `json:"address"`
			Change  string `json:"change"`
		} `json:"results"`
	}
	tests := map[string]struct {
		gate      string
		wantReady bool
	}{
		"all":        {gate: "all", wantReady: false},
		"introduced": {gate: "introduced", wantReady: true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, "scan", "--format", "json", "--gate", tt.gate, "testdata/change/fixes.json")
			var d doc
			if err := json.Unmarshal([]byte(o.stdout), &d); err != nil {
				t.Fatalf("%v\n%s\n%s", err, o.stdout, o.stderr)
			}
			if d.Gate != tt.gate || d.Summary.Ready != tt.wantReady {
				t.Errorf("gate %q, ready %v; want %q, %v", d.Gate, d.Summary.Ready, tt.gate, tt.wantReady)
			}
			if diff := cmp.Diff(map[string]int{"introduced": 0, "existing": 2, "resolved": 2}, d.Summary.Changes); diff != "" {
				t.Errorf("summary.changes (-want +got):\n%s", diff)
			}
			var got []string
			for _, r := range d.Results {
				got = append(got, r.CheckID+" "+r.Address+" "+r.Change)
			}
			want := []string{
				"TEST_RDS_MULTI_AZ aws_db_instance.legacy existing",
				"TEST_RDS_MULTI_AZ aws_db_instance.reports resolved",
				"TEST_RDS_BACKUP aws_db_instance.legacy existing",
				"TEST_RDS_BACKUP aws_db_instance.reports resolved",
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScanGateFromConfig: the configuration's gate is the default of
// --gate; the flag wins.
func TestScanGateFromConfig(t *testing.T) {
	t.Parallel()
	conf := writeConfig(t, "gate = \"introduced\"\nchecks {\n  disabled = [\"recovery_objectives\"]\n}\n")
	tests := map[string]struct {
		args     []string
		wantCode int
		want     string
	}{
		"from the file": {wantCode: ExitReady, want: "(fail-on high, gate introduced, profile production)"},
		"the flag wins": {args: []string{"--gate", "all"}, wantCode: ExitNotReady, want: "(fail-on high, profile production)"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"scan", "--config", conf}, tt.args...)
			o := run(testChecks, append(args, "testdata/change/fixes.json")...)
			if o.code != tt.wantCode || !strings.Contains(o.stdout, tt.want) {
				t.Errorf("exit code %d (want %d), stdout:\n%s\nstderr: %s", o.code, tt.wantCode, o.stdout, o.stderr)
			}
		})
	}
}

// TestScanGateCompletion: the shell completion of --gate offers its values.
func TestScanGateCompletion(t *testing.T) {
	t.Parallel()
	o := run(testChecks, "__complete", "scan", "--gate", "")
	got, _, _ := strings.Cut(o.stdout, "\n:")
	if diff := cmp.Diff("all\nintroduced", got); diff != "" {
		t.Errorf("completions (-want +got):\n%s\nstdout:\n%s", diff, o.stdout)
	}
}
