package runtask

import (
	"fmt"
	"strings"
	"testing"

	tfe "github.com/hashicorp/go-tfe"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func fail(id string, sev check.Severity) engine.Result {
	return engine.Result{CheckID: id, Title: "T", Severity: sev, Status: check.StatusFail, Address: "aws_x.y", Message: "m", Remediation: "r"}
}

// report builds a report whose summary agrees with its results.
func reportOf(failOn string, gate engine.Gate, results ...engine.Result) *engine.Report {
	th, err := check.ParseThreshold(failOn)
	if err != nil {
		panic(err)
	}
	rep := &engine.Report{Profile: "production", FailOn: th, Gate: gate, Results: results}
	rep.Summary.Ready = len(rep.Blocking()) == 0
	rep.Summary.Score = 50
	for _, r := range results {
		switch r.Status {
		case check.StatusFail:
			rep.Summary.Fail++
		case check.StatusPass:
			rep.Summary.Pass++
		}
	}
	return rep
}

func TestRunTaskResult(t *testing.T) {
	t.Parallel()
	introduced, existing := fail("a", check.SeverityHigh), fail("b", check.SeverityCritical)
	introduced.Change, existing.Change = engine.ChangeIntroduced, engine.ChangeExisting
	invalid := reportOf("high", "")
	invalid.Invalid, invalid.Errors = true, []string{".readiness.hcl:3,1-10: custom check x: bad condition"}
	checkErrors := reportOf("high", "", engine.Result{Status: check.StatusPass})
	checkErrors.Errors = []string{"check z could not judge aws_x.y"}
	tests := map[string]struct {
		rep          *engine.Report
		wantStatus   tfe.TaskResultStatus
		wantMessage  string
		wantOutcomes []string
	}{
		"ready": {
			rep:         reportOf("high", "", engine.Result{Status: check.StatusPass}, fail("low", check.SeverityLow)),
			wantStatus:  tfe.TaskPassed,
			wantMessage: "READY · score 50/100 · fail 1 (critical 0, high 0, medium 0, low 1), unknown 0, pass 1 · fail-on high, profile production",
		},
		"not ready, most severe first": {
			rep:          reportOf("high", "", fail("high", check.SeverityHigh), fail("medium", check.SeverityMedium), fail("critical", check.SeverityCritical)),
			wantStatus:   tfe.TaskFailed,
			wantMessage:  "NOT READY · 2 blocking failures · score 50/100 · fail 3 (critical 1, high 1, medium 1, low 0), unknown 0, pass 0 · fail-on high, profile production",
			wantOutcomes: []string{"critical:aws_x.y", "high:aws_x.y"},
		},
		"one blocking failure": {
			rep:          reportOf("critical", "", fail("critical", check.SeverityCritical)),
			wantStatus:   tfe.TaskFailed,
			wantMessage:  "NOT READY · 1 blocking failure · ",
			wantOutcomes: []string{"critical:aws_x.y"},
		},
		"not enforced": {
			rep:         reportOf("none", "", fail("critical", check.SeverityCritical)),
			wantStatus:  tfe.TaskPassed,
			wantMessage: "NOT READY (not enforced) · score 50/100 · fail 1 (critical 1, ",
		},
		"gate introduced": {
			rep:          reportOf("high", engine.GateIntroduced, introduced, existing),
			wantStatus:   tfe.TaskFailed,
			wantMessage:  "NOT READY · 1 blocking failure · score 50/100 · fail 2 (critical 1, high 1, medium 0, low 0), unknown 0, pass 0 · fail-on high, profile production, gate introduced",
			wantOutcomes: []string{"a:aws_x.y"},
		},
		"invalid configuration": {
			rep:         invalid,
			wantStatus:  tfe.TaskFailed,
			wantMessage: "ERROR · the configuration's checks are invalid: .readiness.hcl:3,1-10: custom check x: bad condition · score",
		},
		"a check could not judge": {
			rep:         checkErrors,
			wantStatus:  tfe.TaskFailed,
			wantMessage: "ERROR · part of the plan could not be judged, so it cannot be called ready (1 error): check z could not judge aws_x.y · score",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := passedOrFailed(tt.rep, true, "")
			if res.Status != tt.wantStatus || !strings.HasPrefix(res.Message, tt.wantMessage) {
				t.Errorf("%s %q, want %s %q...", res.Status, res.Message, tt.wantStatus, tt.wantMessage)
			}
			var ids []string
			for _, o := range res.Outcomes {
				ids = append(ids, o.OutcomeID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.wantOutcomes) {
				t.Errorf("outcomes %v, want %v", ids, tt.wantOutcomes)
			}
		})
	}
}

// TestRunTaskOutcomeLimit: a plan with more blocking failures than one result
// carries lists the first maxOutcomes, most severe first, and says so.
func TestRunTaskOutcomeLimit(t *testing.T) {
	t.Parallel()
	var rs []engine.Result
	for i := range maxOutcomes + 50 {
		r := fail(fmt.Sprintf("c%03d", i), check.SeverityHigh)
		if i == maxOutcomes+10 {
			r.Severity = check.SeverityCritical
		}
		rs = append(rs, r)
	}
	res := passedOrFailed(reportOf("high", "", rs...), true, "")
	if len(res.Outcomes) != maxOutcomes || res.Outcomes[0].OutcomeID != fmt.Sprintf("c%03d:aws_x.y", maxOutcomes+10) {
		t.Errorf("%d outcomes, the first %s", len(res.Outcomes), res.Outcomes[0].OutcomeID)
	}
	if want := fmt.Sprintf("NOT READY · %d blocking failures (the first %d listed) · ", maxOutcomes+50, maxOutcomes); !strings.HasPrefix(res.Message, want) {
		t.Errorf("message %q, want %q...", res.Message, want)
	}
}

// TestRunTaskResultDocument pins the JSON:API document go-tfe's types make.
func TestRunTaskResultDocument(t *testing.T) {
	t.Parallel()
	r := fail("aws_rds_multi_az", check.SeverityMedium)
	r.Evidence = []check.Evidence{{Attribute: "multi_az", Value: "false"}}
	res := passedOrFailed(reportOf("medium", "", r), true, "https://wiki.example.com/r")
	b, err := encodeResult(res)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"data":{"type":"task-results","attributes":{"message":"NOT READY · 1 blocking failure · score 50/100 · fail 1 (critical 0, high 0, medium 1, low 0), unknown 0, pass 0 · fail-on medium, profile production","status":"failed","url":"https://wiki.example.com/r"},"relationships":{"outcomes":{"data":[{"type":"task-result-outcomes","attributes":{"body":"**T** · ` + "`aws_rds_multi_az`" + ` · severity **medium** · ` + "`aws_x.y`" + `\n\nm\n\n**Evidence**\n\n- ` + "`multi_az = false`" + `\n\n**Fix:** r\n","description":"m","outcome-id":"aws_rds_multi_az:aws_x.y","tags":{"Severity":[{"label":"Medium","level":"warning"}],"Status":[{"label":"Failed","level":"error"}]}}}]}}}}`
	if got := strings.TrimSpace(string(b)); got != want {
		t.Errorf("document:\n%s\nwant:\n%s", got, want)
	}
}
