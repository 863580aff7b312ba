package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// TestGitLabIssues: one issue per failure and per unknown result, on
// GitLab's severity scale, at the block's file and line (a leading ./
// dropped) or at the input; passes, waived results and failures the plan
// resolves are left out.
func TestGitLabIssues(t *testing.T) {
	t.Parallel()
	result := func(id string, s check.Severity, status check.Status, change engine.Change) engine.Result {
		return engine.Result{CheckID: id, Severity: s, Status: status, Change: change, Input: "./infra/plan.json", Address: "aws_x." + id, Message: "message of " + id}
	}
	rep := &engine.Report{Results: []engine.Result{
		result("critical", check.SeverityCritical, check.StatusFail, engine.ChangeIntroduced),
		result("high", check.SeverityHigh, check.StatusFail, engine.ChangeExisting),
		result("medium", check.SeverityMedium, check.StatusFail, ""),
		result("low", check.SeverityLow, check.StatusFail, ""),
		result("unknown", check.SeverityCritical, check.StatusUnknown, ""),
		result("pass", check.SeverityHigh, check.StatusPass, ""),
		result("resolved", check.SeverityHigh, check.StatusPass, engine.ChangeResolved),
		result("waived", check.SeverityHigh, check.StatusWaived, ""),
	}}
	located := Options{Locate: func(input, address string) (string, int, bool) {
		return "./infra/main.tf", 7, address == "aws_x.critical"
	}}
	var out bytes.Buffer
	if err := (gitlabFormat{opts: located}).Write(&out, rep); err != nil {
		t.Fatal(err)
	}
	var got []gitlabIssue
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	at := func(path string, line int) gitlabLocation {
		return gitlabLocation{Path: path, Lines: gitlabLines{Begin: line}}
	}
	issue := func(id, severity string, loc gitlabLocation) gitlabIssue {
		return gitlabIssue{
			Description: "aws_x." + id + ": message of " + id, CheckName: id, Severity: severity, Location: loc,
			Fingerprint: fingerprint(result(id, 0, "", "")),
		}
	}
	want := []gitlabIssue{
		issue("critical", "blocker", at("infra/main.tf", 7)),
		issue("high", "critical", at("infra/plan.json", 1)),
		issue("medium", "major", at("infra/plan.json", 1)),
		issue("low", "minor", at("infra/plan.json", 1)),
		issue("unknown", "info", at("infra/plan.json", 1)),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	out.Reset()
	if err := (gitlabFormat{}).Write(&out, &engine.Report{}); err != nil || out.String() != "[]\n" {
		t.Errorf("no issue: %q, %v; want an empty list", out.String(), err)
	}
}
