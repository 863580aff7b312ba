package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// TestPerInput: each input's verdict rests on its own failures at or above
// the threshold, and its counts on its own results only.
func TestPerInput(t *testing.T) {
	t.Parallel()
	result := func(input string, status check.Status, sev check.Severity, baselined bool) engine.Result {
		return engine.Result{Input: input, Status: status, Severity: sev, InBaseline: baselined}
	}
	results := []engine.Result{
		result("a.json", check.StatusFail, check.SeverityCritical, false),
		result("a.json", check.StatusFail, check.SeverityLow, false),
		result("a.json", check.StatusPass, check.SeverityHigh, false),
		result("b.json", check.StatusFail, check.SeverityMedium, false),
		result("b.json", check.StatusUnknown, check.SeverityHigh, false),
		result("b.json", check.StatusWaived, check.SeverityHigh, true),
		result("b.json", check.StatusWaived, check.SeverityHigh, false),
		result("c.json", check.StatusPass, check.SeverityHigh, false),
		// A result naming no input of the report counts nowhere.
		result("other.json", check.StatusFail, check.SeverityCritical, false),
	}
	inputs := []engine.Input{{Path: "a.json"}, {Path: "b.json"}, {Path: "c.json"}}
	type row struct {
		Verdict                                 string
		Blocking, Fail, Unknown, Pass           int
		Critical, Medium, Low, Waived, Baseline int
	}
	rows := func(threshold check.Threshold) []row {
		var out []row
		for _, t := range perInput(&engine.Report{FailOn: threshold, Inputs: inputs, Results: results}) {
			out = append(out, row{t.verdict.String(), t.blocking, t.failures(), t.unknown, t.pass,
				t.fail[check.SeverityCritical], t.fail[check.SeverityMedium], t.fail[check.SeverityLow], t.waived, t.baselined})
		}
		return out
	}
	tests := map[string]struct {
		threshold check.Threshold
		want      []row
	}{
		"high": {check.AtLeast(check.SeverityHigh), []row{
			{"NOT READY", 1, 2, 0, 1, 1, 0, 1, 0, 0},
			{"READY", 0, 1, 1, 0, 0, 1, 0, 1, 1},
			{"READY", 0, 0, 0, 1, 0, 0, 0, 0, 0},
		}},
		"medium": {check.AtLeast(check.SeverityMedium), []row{
			{"NOT READY", 1, 2, 0, 1, 1, 0, 1, 0, 0},
			{"NOT READY", 1, 1, 1, 0, 0, 1, 0, 1, 1},
			{"READY", 0, 0, 0, 1, 0, 0, 0, 0, 0},
		}},
		"none": {check.ThresholdNone, []row{
			{"NOT READY (not enforced)", 0, 2, 0, 1, 1, 0, 1, 0, 0},
			{"NOT READY (not enforced)", 0, 1, 1, 0, 0, 1, 0, 1, 1},
			{"READY", 0, 0, 0, 1, 0, 0, 0, 0, 0},
		}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, rows(tt.threshold)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
