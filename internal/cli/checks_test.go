package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

func TestChecksAndExplain(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args       []string
		checks     []check.Check
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		"checks": {
			args: []string{"checks"},
			wantStdout: "ID                 SEVERITY  SECTION            CATEGORY  TITLE\n" +
				"TEST_RDS_MULTI_AZ  high      deployment         multi_az  RDS instances are Multi-AZ\n" +
				"TEST_RDS_BACKUP    medium    disaster_recovery  backup    RDS instances keep automated backups\n",
		},
		"checks empty": {
			args: []string{"checks"}, checks: []check.Check{},
			wantStdout: "No checks are registered.\n",
		},
		"checks json empty": {
			args: []string{"checks", "--format", "json"}, checks: []check.Check{},
			wantStdout: "[]\n",
		},
		"checks json": {
			args: []string{"checks", "--format=json"}, checks: []check.Check{testMultiAZ, testPanics},
			wantStdout: `[
  {
    "id": "TEST_RDS_MULTI_AZ",
    "aliases": [
      "TEST_OLD_MULTI_AZ"
    ],
    "title": "RDS instances are Multi-AZ",
    "section": "deployment",
    "category": "multi_az",
    "severity": "high",
    "cloud": "aws",
    "resource_types": [
      "aws_db_instance"
    ],
    "description": "A single-AZ instance is down while its zone is.",
    "remediation": "Set multi_az = true.",
    "example": "resource \"aws_db_instance\" \"main\" {\n  multi_az = true\n}",
    "docs": "https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/test_rds_multi_az.md"
  },
  {
    "id": "TEST_PANICS",
    "aliases": [],
    "title": "Always panics",
    "section": "custom",
    "category": "check_block",
    "severity": "low",
    "cloud": "",
    "resource_types": [
      "aws_db_instance"
    ],
    "description": "",
    "remediation": "",
    "example": "",
    "docs": "https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/test_panics.md"
  }
]
`,
		},
		"checks bad format": {
			args: []string{"checks", "--format", "sarif"}, wantCode: ExitError,
			wantStderr: "readiness: unknown format \"sarif\" for checks (want json or text)\nRun 'readiness checks --help' for usage.\n",
		},
		"checks with an argument": {
			args: []string{"checks", "TEST_RDS_BACKUP"}, wantCode: ExitError,
			wantStderr: "readiness: unknown command \"TEST_RDS_BACKUP\" for \"readiness checks\"\nRun 'readiness checks --help' for usage.\n",
		},
		"explain": {
			args: []string{"explain", "TEST_RDS_MULTI_AZ"},
			wantStdout: `TEST_RDS_MULTI_AZ: RDS instances are Multi-AZ

  severity        high
  profiles        development low, production high, staging high
  section         deployment
  category        multi_az
  cloud           aws
  resource types  aws_db_instance
  former IDs      TEST_OLD_MULTI_AZ
  docs            https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/test_rds_multi_az.md

Why it matters
  A single-AZ instance is down while its zone is.

How to fix
  Set multi_az = true.

Example
  resource "aws_db_instance" "main" {
    multi_az = true
  }
`,
		},
		"explain by former ID": {
			args: []string{"explain", "TEST_OLD_MULTI_AZ"}, checks: []check.Check{testMultiAZ},
			wantStdout: "TEST_RDS_MULTI_AZ: RDS instances are Multi-AZ\n(TEST_OLD_MULTI_AZ is a former ID of TEST_RDS_MULTI_AZ)\n\n" +
				"  severity        high\n" +
				"  profiles        development low, production high, staging high\n" +
				"  section         deployment\n" +
				"  category        multi_az\n" +
				"  cloud           aws\n" +
				"  resource types  aws_db_instance\n" +
				"  former IDs      TEST_OLD_MULTI_AZ\n" +
				"  docs            https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/test_rds_multi_az.md\n" +
				"\nWhy it matters\n  A single-AZ instance is down while its zone is.\n" +
				"\nHow to fix\n  Set multi_az = true.\n" +
				"\nExample\n  resource \"aws_db_instance\" \"main\" {\n    multi_az = true\n  }\n",
		},
		"explain without optional fields": {
			args: []string{"explain", "TEST_RDS_BACKUP"},
			wantStdout: "TEST_RDS_BACKUP: RDS instances keep automated backups\n\n" +
				"  severity        medium\n" +
				"  profiles        development low, production medium, staging medium\n" +
				"  section         disaster_recovery\n" +
				"  category        backup\n" +
				"  resource types  aws_db_instance\n" +
				"  docs            https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/test_rds_backup.md\n",
		},
		"explain unknown": {
			args: []string{"explain", "NOPE"}, wantCode: ExitError,
			wantStderr: "readiness: unknown check \"NOPE\": 'readiness checks' lists them\n",
		},
		"explain without ID": {
			args: []string{"explain"}, wantCode: ExitError,
			wantStderr: "readiness: accepts 1 arg(s), received 0\nRun 'readiness explain --help' for usage.\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checks := tt.checks
			if checks == nil {
				checks = testChecks
			}
			o := run(checks, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if diff := cmp.Diff(tt.wantStdout, o.stdout); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertClean(t, o)
		})
	}
}

func TestChecksChecklist(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args       []string
		checks     []check.Check
		wantCode   int
		wantStdout string // exact, unless contains is set
		contains   []string
		wantStderr string
	}{
		"one section": {
			args: []string{"checks", "--checklist", "--section", "disaster_recovery"},
			wantStdout: "4 checklist items: 0 verified, 1 partly, 0 evidence, 3 unchecked, 0 manual.\n" +
				"\n9. Disaster Recovery and Business Continuity (disaster_recovery)\n" +
				"  9.1   partly    Backup and restore procedures in place and tested\n" +
				"        checks    TEST_RDS_BACKUP\n" +
				"        attest    the restore procedure, and that restores succeed (attest \"restore_drills\" in .readiness.hcl)\n" +
				"  9.2   unchecked Data replication strategy\n" +
				"  9.3   unchecked RTO and RPO defined\n" +
				"        attest    the objectives themselves, unless the team declares them (objective blocks of .readiness.hcl, " +
				"readiness:rpo and readiness:rto tags), which the recovery objective checks then judge\n" +
				"  9.4   unchecked Regular disaster-recovery drills\n" +
				"        attest    that the drills run and what they found (attest \"restore_drills\" in .readiness.hcl)\n",
		},
		"manual items carry their reason": {
			args: []string{"checks", "--checklist", "--section=documentation"},
			contains: []string{
				"  11.1  manual    System architecture documentation, up to date\n" +
					"        manual    architecture documents are prose and diagrams outside infrastructure code (attest \"documentation\" in .readiness.hcl)\n",
			},
		},
		"whole checklist": {
			args: []string{"checks", "--checklist"},
			contains: []string{
				"50 checklist items: 1 verified, 1 partly, 0 evidence, 42 unchecked, 6 manual.\n",
				"\n1. Alerts & Metrics (alerts_metrics)\n", "\n11. Documentation (documentation)\n",
				"  4.3   verified  Multi-AZ support for failover\n        checks    TEST_RDS_MULTI_AZ\n",
			},
		},
		"filters choose the checks": {
			args:     []string{"checks", "--checklist", "--cloud", "google", "--section", "deployment"},
			contains: []string{"  4.3   unchecked Multi-AZ support for failover\n"},
		},
		"profile chooses the checks": {
			args:     []string{"checks", "--checklist", "--profile", "dev", "--severity", "high", "--section", "deployment"},
			contains: []string{"  4.3   unchecked Multi-AZ support for failover\n"},
		},
		"evidence checks": {
			args: []string{"checks", "--checklist", "--section", "sop"},
			checks: []check.Check{{Meta: check.Meta{ID: "TEST_RESPONSE_PLAN", Section: "on_call", Category: "incident_response",
				Severity: check.SeverityLow, Evidence: true}}},
			contains: []string{"  2.3   evidence  Incident response plan in place\n        evidence  TEST_RESPONSE_PLAN\n"},
		},
		"empty catalogue": {
			args: []string{"checks", "--checklist"}, checks: []check.Check{},
			contains: []string{"50 checklist items: 0 verified, 0 partly, 0 evidence, 44 unchecked, 6 manual.\n"},
		},
		"json": {
			args: []string{"checks", "--checklist", "--format", "json", "--section", "release"},
			contains: []string{`"counts": {
    "items": 5,
    "verified": 0,
    "partly": 0,
    "evidence": 0,
    "unchecked": 4,
    "manual": 1
  },`, `    {
      "number": "8.3",
      "section": "release",
      "text": "Communication channel for scheduled maintenance",
      "status": "manual",
      "checks": [],
      "evidence": [],
      "manual": "announcing maintenance to users`, `"attest": "release_process"`},
		},
		"json verified": {
			args: []string{"checks", "--checklist", "--format=json", "--section", "deployment"},
			contains: []string{`      "number": "4.3",
      "section": "deployment",
      "text": "Multi-AZ support for failover",
      "status": "verified",
      "checks": [
        "TEST_RDS_MULTI_AZ"
      ],
      "evidence": [],
      "manual": "",
      "to_attest": "",
      "attest": ""`},
		},
		"bad section": {
			args: []string{"checks", "--checklist", "--section", "docs"}, wantCode: ExitError,
			wantStderr: "readiness: --section: unknown value \"docs\" (want " + strings.Join(check.Sections, ", ") + ")\nRun 'readiness checks --help' for usage.\n",
		},
		"help": {
			args:     []string{"checks", "--help"},
			contains: []string{"--checklist   ", "\n--checklist prints the checklist instead", "readiness checks --checklist --cloud aws,kubernetes"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checks := tt.checks
			if checks == nil {
				checks = testChecks
			}
			o := run(checks, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if tt.contains == nil {
				if diff := cmp.Diff(tt.wantStdout, o.stdout); diff != "" {
					t.Errorf("stdout (-want +got):\n%s", diff)
				}
			}
			for _, want := range tt.contains {
				if !strings.Contains(o.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, o.stdout)
				}
			}
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertClean(t, o)
		})
	}
}
