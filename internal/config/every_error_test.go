package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestLoadReportsEveryMistake loads files with several mistakes of
// different kinds and expects every one of them from one Load and
// Validate, as a scan runs them: a mistake must not hide another until
// the first is fixed.
func TestLoadReportsEveryMistake(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		src  string
		want []string
	}{
		"three mistakes": {
			src: `fail_on = "severe"

checks {
  disabled = ["aws_rds_multi_a"]
}

waiver {
  check   = "aws_s3_versioning"
  reason  = "until the migration"
  owner   = "storage"
  expires = "2026-13-45"
  until   = "2027-01-01"
}
`,
			want: []string{
				`.readiness.hcl:1,11-19: Invalid fail_on; Unknown fail-on level "severe" (want critical, high, medium, low or none).`,
				`.readiness.hcl:12,3-8: Unsupported argument; An argument named "until" is not expected here.`,
				`.readiness.hcl:11,13-25: Invalid date; Invalid date "2026-13-45" (want YYYY-MM-DD, like "2026-12-31").`,
				`.readiness.hcl:4,15-32: Unknown check; "aws_rds_multi_a" is not a check ID, a category or a section. Did you mean "aws_rds_multi_az"? 'readiness checks' lists the checks.`,
			},
		},
		"a syntax error and a wrong name": {
			src: "checks {\n  disabled = [\"aws_rds_multi_a\"]\n}\nprofile = \n",
			want: []string{
				`.readiness.hcl:4,11-5,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.`,
				`.readiness.hcl:2,15-32: Unknown check; "aws_rds_multi_a" is not a check ID, a category or a section. Did you mean "aws_rds_multi_az"? 'readiness checks' lists the checks.`,
			},
		},
		"a block with a missing argument and a bad value": {
			src: "objective \"db\" {\n  resources = [\"aws_db_instance.*\"]\n  rpo = \"1 hour\"\n  rto = \"4h\"\n  tier = \"gold\"\n}\nseverity \"aws_rds_multi_az\" {\n}\n",
			want: []string{
				`.readiness.hcl:5,3-7: Unsupported argument; An argument named "tier" is not expected here.`,
				`.readiness.hcl:3,9-17: Invalid duration; Invalid duration "1 hour": unknown unit " " (want s, m, h, d or w).`,
				`.readiness.hcl:7,29-29: Missing required argument; The argument "level" is required, but no definition was found.`,
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			c, diags := Load(path, FileName)
			if c != nil {
				diags = append(diags, c.Validate(checks.All())...)
			}
			var got []string
			for _, d := range diags {
				got = append(got, Format(d))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if c, _ := Parse([]byte(tt.src), FileName); c != nil {
				t.Error("Parse returned a configuration despite errors")
			}
		})
	}
}

// TestParseEveryPrefix parses every prefix of a full configuration, most
// of them broken mid-token: going on after a syntax error must never
// panic, whatever HCL recovered, and Validate must take what Load gives.
func TestParseEveryPrefix(t *testing.T) {
	t.Parallel()
	src := []byte(full + "\n" + Starter)
	catalogue := checks.All()
	for n := 0; n <= len(src); n += 3 {
		c, diags := parse(src[:n], FileName)
		if c != nil {
			_ = c.Validate(catalogue)
		}
		for _, d := range diags {
			_ = Format(d)
		}
	}
}
