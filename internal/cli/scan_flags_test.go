package cli

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// testNote passes every database: a third check, of another section.
var testNote = check.Check{
	Meta: check.Meta{
		ID: "TEST_NOTE", Title: "Notes", Section: "custom", Category: "check_block",
		Severity: check.SeverityLow, ResourceTypes: []string{"aws_db_instance"},
	},
	Resource: func(*model.Plan, *model.Resource) check.Finding { return check.Finding{Status: check.StatusPass} },
}

// TestScanCheckFlags chooses checks with --check and --skip-check, alone
// and with a configuration's checks { enabled disabled }.
func TestScanCheckFlags(t *testing.T) {
	t.Parallel()
	disablesMultiAZ := writeConfig(t, "checks {\n  disabled = [\"multi_az\"]\n}\n")
	enablesBackup := writeConfig(t, "checks {\n  enabled = [\"TEST_RDS_BACKUP\"]\n}\n")
	custom := writeConfig(t, "check \"team_engine\" {\n  resource_types = [\"aws_db_instance\"]\n  section = \"deployment\"\n  condition = self.after.engine == \"postgres\"\n}\n")
	catalogue := []check.Check{testMultiAZ, testBackup, testNote}
	tests := map[string]struct {
		args       []string
		wantChecks []string // the IDs of the results, sorted
		wantStderr string
	}{
		"no flag":              {wantChecks: []string{"TEST_NOTE", "TEST_RDS_BACKUP", "TEST_RDS_MULTI_AZ"}},
		"one ID":               {args: []string{"--check", "TEST_RDS_BACKUP"}, wantChecks: []string{"TEST_RDS_BACKUP"}},
		"a former ID":          {args: []string{"--check", "TEST_OLD_MULTI_AZ"}, wantChecks: []string{"TEST_RDS_MULTI_AZ"}},
		"repeated":             {args: []string{"--check", "TEST_RDS_BACKUP", "--check", "multi_az"}, wantChecks: []string{"TEST_RDS_BACKUP", "TEST_RDS_MULTI_AZ"}},
		"comma-separated":      {args: []string{"--check", "backup,deployment"}, wantChecks: []string{"TEST_RDS_BACKUP", "TEST_RDS_MULTI_AZ"}},
		"a section":            {args: []string{"--check", "disaster_recovery"}, wantChecks: []string{"TEST_RDS_BACKUP"}},
		"skip a category":      {args: []string{"--skip-check", "check_block"}, wantChecks: []string{"TEST_RDS_BACKUP", "TEST_RDS_MULTI_AZ"}},
		"skip wins over check": {args: []string{"--check", "TEST_RDS_BACKUP,TEST_RDS_MULTI_AZ", "--skip-check", "backup"}, wantChecks: []string{"TEST_RDS_MULTI_AZ"}},
		"file disables, flag skips more": {
			args: []string{"--config", disablesMultiAZ, "--skip-check", "TEST_NOTE"}, wantChecks: []string{"TEST_RDS_BACKUP"},
		},
		"an ID the file disables runs": {
			args: []string{"--config", disablesMultiAZ, "--check", "TEST_RDS_MULTI_AZ"}, wantChecks: []string{"TEST_RDS_MULTI_AZ"},
		},
		"a section keeps the file's disabled": {
			args: []string{"--config", disablesMultiAZ, "--check", "deployment,disaster_recovery"}, wantChecks: []string{"TEST_RDS_BACKUP"},
		},
		"--check replaces the file's enabled": {
			args: []string{"--config", enablesBackup, "--check", "TEST_RDS_MULTI_AZ"}, wantChecks: []string{"TEST_RDS_MULTI_AZ"},
		},
		"--skip-check keeps the file's enabled": {
			args: []string{"--config", enablesBackup, "--skip-check", "TEST_NOTE"}, wantChecks: []string{"TEST_RDS_BACKUP"},
		},
		"a custom check": {
			args: []string{"--config", custom, "--check", "team_engine"}, wantChecks: []string{"team_engine"},
		},
		"an unknown name": {
			args:       []string{"--check", "TEST_RDS_MULTI_A"},
			wantStderr: "readiness: --check TEST_RDS_MULTI_A: not a check ID, a category or a section. Did you mean \"TEST_RDS_MULTI_AZ\"? 'readiness checks' lists the checks\nRun 'readiness scan --help' for usage.\n",
		},
		"an unknown name to skip": {
			args:       []string{"--skip-check", "obsrvability"},
			wantStderr: "readiness: --skip-check obsrvability: not a check ID, a category or a section. Did you mean \"observability\"? 'readiness checks' lists the checks\nRun 'readiness scan --help' for usage.\n",
		},
		"nothing left": {
			args:       []string{"--check", "backup", "--skip-check", "TEST_RDS_BACKUP"},
			wantStderr: "readiness: --check and --skip-check leave no check to run\nRun 'readiness scan --help' for usage.\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string{"scan", "--format", "json"}, tt.args...), "testdata/not_ready.json")
			o := run(catalogue, args...)
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Fatalf("stderr (-want +got):\n%s", diff)
			}
			if tt.wantStderr != "" {
				if o.code != ExitError {
					t.Errorf("exit code %d, want %d", o.code, ExitError)
				}
				return
			}
			seen := map[string]bool{}
			for _, r := range decodeReport(t, []byte(o.stdout)).Results {
				seen[r.CheckID] = true
			}
			var got []string
			for id := range seen {
				got = append(got, id)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.wantChecks, got); diff != "" {
				t.Errorf("checks that ran (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDidYouMean: an unknown value of a flag with a fixed set of values,
// or an unknown check ID, names the one probably meant.
func TestDidYouMean(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args       []string
		wantStderr string
	}{
		"--format": {
			args:       []string{"scan", "--format", "jsn", "testdata/ready.json"},
			wantStderr: "readiness: unknown format \"jsn\" (want github, gitlab, html, json, junit, markdown, sarif, text). Did you mean \"json\"?\n",
		},
		"--format to a file": {
			args:       []string{"scan", "--format", "sarf=out.sarif", "testdata/ready.json"},
			wantStderr: "readiness: unknown format \"sarf\" (want github, gitlab, html, json, junit, markdown, sarif, text). Did you mean \"sarif\"?\n",
		},
		"--fail-on": {
			args:       []string{"scan", "--fail-on", "critcal", "testdata/ready.json"},
			wantStderr: "readiness: unknown fail-on level \"critcal\" (want critical, high, medium, low or none). Did you mean \"critical\"?\n",
		},
		"--gate": {
			args:       []string{"scan", "--gate", "introducd", "testdata/ready.json"},
			wantStderr: "readiness: unknown gate \"introducd\" (want all or introduced). Did you mean \"introduced\"?\n",
		},
		"--profile": {
			args:       []string{"scan", "--profile", "stagin", "testdata/ready.json"},
			wantStderr: "readiness: unknown profile \"stagin\" (want ",
		},
		"checks --format": {
			args:       []string{"checks", "--format", "jsn"},
			wantStderr: "readiness: unknown format \"jsn\" for checks (want json or text). Did you mean \"json\"?\n",
		},
		"explain": {
			args:       []string{"explain", "TEST_RDS_BACKPU"},
			wantStderr: "readiness: unknown check \"TEST_RDS_BACKPU\". Did you mean \"TEST_RDS_BACKUP\"? 'readiness checks' lists them\n",
		},
		"explain a former ID": {
			args:       []string{"explain", "TEST_OLD_MULTI_A"},
			wantStderr: "readiness: unknown check \"TEST_OLD_MULTI_A\". Did you mean \"TEST_OLD_MULTI_AZ\"? 'readiness checks' lists them\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, tt.args...)
			if o.code != ExitError {
				t.Errorf("exit code %d, want %d", o.code, ExitError)
			}
			first, _, _ := strings.Cut(o.stderr, "Run '")
			if !strings.HasPrefix(first, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to start %q", o.stderr, tt.wantStderr)
			}
			if name == "--profile" && !strings.Contains(first, `Did you mean "staging"?`) {
				t.Errorf("stderr = %q: no suggestion", o.stderr)
			}
		})
	}
}

// TestChecksFilters lists the catalogue by cloud, section, category and
// severity.
func TestChecksFilters(t *testing.T) {
	t.Parallel()
	catalogue := []check.Check{testMultiAZ, testBackup, testNote}
	tests := map[string]struct {
		args       []string
		wantIDs    []string
		wantStderr string
	}{
		"no filter":              {wantIDs: []string{"TEST_RDS_MULTI_AZ", "TEST_RDS_BACKUP", "TEST_NOTE"}},
		"cloud, with any-cloud":  {args: []string{"--cloud", "aws"}, wantIDs: []string{"TEST_RDS_MULTI_AZ", "TEST_RDS_BACKUP", "TEST_NOTE"}},
		"another cloud":          {args: []string{"--cloud", "GCP"}, wantIDs: []string{"TEST_RDS_BACKUP", "TEST_NOTE"}},
		"section":                {args: []string{"--section", "deployment"}, wantIDs: []string{"TEST_RDS_MULTI_AZ"}},
		"two sections":           {args: []string{"--section", "deployment,custom"}, wantIDs: []string{"TEST_RDS_MULTI_AZ", "TEST_NOTE"}},
		"severity":               {args: []string{"--severity", "HIGH", "--severity", "medium"}, wantIDs: []string{"TEST_RDS_MULTI_AZ", "TEST_RDS_BACKUP"}},
		"category":               {args: []string{"--category", "backup"}, wantIDs: []string{"TEST_RDS_BACKUP"}},
		"every flag":             {args: []string{"--cloud", "aws", "--section", "disaster_recovery", "--severity", "medium"}, wantIDs: []string{"TEST_RDS_BACKUP"}},
		"none matches":           {args: []string{"--section", "security"}},
		"json":                   {args: []string{"--format", "json", "--severity", "low"}, wantIDs: []string{"TEST_NOTE"}},
		"unknown cloud":          {args: []string{"--cloud", "azur"}, wantStderr: "readiness: --cloud: unknown value \"azur\" (want aws, azure, google, kubernetes). Did you mean \"azure\"?\nRun 'readiness checks --help' for usage.\n"},
		"unknown section":        {args: []string{"--section", "disaster-recovery"}, wantStderr: "readiness: --section: unknown value \"disaster-recovery\" (want " + strings.Join(check.Sections, ", ") + "). Did you mean \"disaster_recovery\"?\nRun 'readiness checks --help' for usage.\n"},
		"unknown severity":       {args: []string{"--severity", "hihg"}, wantStderr: "readiness: --severity: unknown value \"hihg\" (want critical, high, medium, low)\nRun 'readiness checks --help' for usage.\n"},
		"unknown severity, near": {args: []string{"--severity", "mediun"}, wantStderr: "readiness: --severity: unknown value \"mediun\" (want critical, high, medium, low). Did you mean \"medium\"?\nRun 'readiness checks --help' for usage.\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(catalogue, append([]string{"checks"}, tt.args...)...)
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Fatalf("stderr (-want +got):\n%s", diff)
			}
			if tt.wantStderr != "" {
				return
			}
			var got []string
			for _, c := range catalogue {
				if strings.Contains(o.stdout, c.ID) {
					got = append(got, c.ID)
				}
			}
			if diff := cmp.Diff(tt.wantIDs, got); diff != "" {
				t.Errorf("listed (-want +got):\n%s\n%s", diff, o.stdout)
			}
			if tt.wantIDs == nil && o.stdout != "No check matches these filters.\n" {
				t.Errorf("stdout = %q", o.stdout)
			}
		})
	}
}
