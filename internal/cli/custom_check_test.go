package cli

import (
	"strings"
	"testing"
)

// TestScanInvalidCustomCheck: a custom check whose condition cannot be
// evaluated makes the scan an error (exit 1), whatever the verdict, and
// the report says which check and where; try() and can() keep a condition
// that tolerates a missing attribute valid.
func TestScanInvalidCustomCheck(t *testing.T) {
	t.Parallel()
	check := func(condition string) string {
		return "check \"team_x\" {\n  resource_types = [\"aws_db_instance\"]\n  condition      = " + condition + "\n}\n"
	}
	tests := map[string]struct {
		condition string
		code      int
		want      string // in the report
	}{
		"typo": {condition: "self.after.multi_azz", code: ExitError,
			want: ":3,30-40: the condition cannot be evaluated: Unsupported attribute (attribute multi_azz)"},
		"type error":   {condition: "self.after.multi_az * 2 > 1", code: ExitError, want: ":3,20-39: the condition cannot be evaluated: Invalid operand"},
		"not a bool":   {condition: "self.after.instance_class", code: ExitError, want: ":3,20-45: the condition is a string, not a bool"},
		"try":          {condition: "try(self.after.multi_azz, true)", code: ExitReady},
		"can":          {condition: "!can(self.after.multi_azz)", code: ExitReady},
		"a valid test": {condition: "self.after.multi_az", code: ExitReady},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			conf := writeConfig(t, check(tt.condition))
			o := run(testChecks, "scan", "--config", conf, "testdata/ready.json")
			assertClean(t, o)
			if o.code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr: %s\nstdout: %s", o.code, tt.code, o.stderr, o.stdout)
			}
			if tt.want == "" {
				return
			}
			if !strings.Contains(o.stdout, "check team_x is invalid: "+conf+tt.want) {
				t.Errorf("report:\n%s\nwant %q", o.stdout, conf+tt.want)
			}
			// Also on standard error: with --format json=FILE alone, the
			// log must still say what is wrong.
			if !strings.Contains(o.stderr, "readiness: check team_x is invalid: "+conf+tt.want) {
				t.Errorf("stderr = %q, want the error", o.stderr)
			}
		})
	}
}
