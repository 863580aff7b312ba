package engine

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

const plan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","change":{"actions":["create"],"after":{"multi_az":true},"after_unknown":{}}},
 {"address":"aws_db_instance.b[0]","mode":"managed","type":"aws_db_instance","name":"b","index":0,"change":{"actions":["create"],"after":{"multi_az":false},"after_unknown":{}}},
 {"address":"aws_db_instance.c","mode":"managed","type":"aws_db_instance","name":"c","change":{"actions":["create"],"after":{},"after_unknown":{"multi_az":true}}},
 {"address":"aws_db_instance.gone","mode":"managed","type":"aws_db_instance","name":"gone","change":{"actions":["delete"],"before":{"multi_az":false},"after":null}}
]}`

func load(t *testing.T) *model.Plan {
	t.Helper()
	p, err := model.Decode("plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func meta(id, section, category string, sev check.Severity) check.Meta {
	return check.Meta{ID: id, Title: id, Section: section, Category: category, Severity: sev, ResourceTypes: []string{"aws_db_instance"}}
}

var multiAZ = check.Check{
	Meta: meta("t_multi_az", "deployment", "multi_az", check.SeverityHigh),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("multi_az")
		if a.Unknown {
			return check.Finding{Status: check.StatusUnknown, Message: "unknown"}
		}
		if v, _ := a.Bool(); v {
			return check.Finding{Status: check.StatusPass, Message: "ok"}
		}
		return check.Finding{Status: check.StatusFail, Message: "single AZ"}
	},
}

var planLevel = check.Check{
	Meta: meta("t_plan", "alerts_metrics", "dashboard", check.SeverityMedium),
	Plan: func(p *model.Plan) []check.Finding {
		return []check.Finding{{Status: check.StatusFail, Message: "no dashboard"}}
	},
}

var panics = check.Check{
	Meta: meta("t_panics", "security", "access_control", check.SeverityLow),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var m map[string]int
		m["boom"]++
		return check.Skip
	},
}

func TestRun(t *testing.T) {
	t.Parallel()
	prod, _ := profile.Lookup("production")
	rep := Run([]*model.Plan{load(t)}, []check.Check{multiAZ, planLevel, panics}, Options{Profile: prod, FailOn: check.AtLeast(check.SeverityHigh)})
	type row struct{ id, addr, status, rtype string }
	var got []row
	for _, r := range rep.Results {
		got = append(got, row{r.CheckID, r.Address, string(r.Status), r.ResourceType})
	}
	want := []row{
		{"t_plan", "", "fail", ""},
		{"t_multi_az", "aws_db_instance.a", "pass", "aws_db_instance"},
		{"t_multi_az", "aws_db_instance.b[0]", "fail", "aws_db_instance"},
		{"t_multi_az", "aws_db_instance.c", "unknown", "aws_db_instance"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(row{})); diff != "" {
		t.Errorf("results in checklist order, deleted resource skipped (-want +got):\n%s", diff)
	}
	// One error per resource, and one more for the deleted resource, which
	// exists in the world before the plan.
	if len(rep.Errors) != 4 || !strings.Contains(rep.Errors[0], "t_panics") ||
		!strings.HasSuffix(rep.Errors[3], "aws_db_instance.gone: internal error: assignment to entry in nil map (judging the world before the plan)") {
		t.Errorf("a panicking check must become one error per resource, got %q", rep.Errors)
	}
	s := rep.Summary
	if s.Ready || s.Fail != 2 || s.Pass != 1 || s.Unknown != 1 || s.Score != 33 {
		t.Errorf("summary = %+v", s)
	}
	if len(s.Sections) != 2 || s.Sections[0].Section != "alerts_metrics" || s.Sections[1].Section != "deployment" {
		t.Errorf("sections not in checklist order: %+v", s.Sections)
	}
	if len(rep.Blocking()) != 1 {
		t.Errorf("blocking = %v", rep.Blocking())
	}
}

func TestThresholdAndProfiles(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		profile string
		failOn  check.Threshold
		ready   bool
	}{
		"high fails on high":            {"production", check.AtLeast(check.SeverityHigh), false},
		"critical passes high failures": {"production", check.AtLeast(check.SeverityCritical), true},
		"none never fails":              {"production", check.ThresholdNone, true},
		"development lowers severity":   {"development", check.AtLeast(check.SeverityMedium), true},
		"medium catches plan check":     {"production", check.AtLeast(check.SeverityMedium), false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prof, err := profile.Lookup(tc.profile)
			if err != nil {
				t.Fatal(err)
			}
			rep := Run([]*model.Plan{load(t)}, []check.Check{multiAZ, planLevel}, Options{Profile: prof, FailOn: tc.failOn})
			if rep.Summary.Ready != tc.ready {
				t.Errorf("ready = %v, want %v", rep.Summary.Ready, tc.ready)
			}
		})
	}
}

func TestScore(t *testing.T) {
	t.Parallel()
	tests := []struct{ pass, fail, want int }{{0, 0, 100}, {1, 0, 100}, {0, 3, 0}, {1, 2, 33}, {2, 1, 67}}
	for _, tc := range tests {
		if got := score(tc.pass, tc.fail); got != tc.want {
			t.Errorf("score(%d, %d) = %d, want %d", tc.pass, tc.fail, got, tc.want)
		}
	}
}
