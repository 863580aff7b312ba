package engine

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// weighted fails every instance; the one not in a single AZ (b[0]) at the
// check's declared high, the others at their own severity: a finding
// about the whole plan at low, a resource's at critical.
var weighted = check.Check{
	Meta: meta("t_weighted", "security", "public_access", check.SeverityHigh),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		f := check.Finding{Status: check.StatusFail, Message: "exposed"}
		if r.Address != "aws_db_instance.b[0]" {
			f.Severity = check.SeverityCritical
		}
		return f
	},
}

var weightedPlan = check.Check{
	Meta: meta("t_weighted_plan", "alerts_metrics", "dashboard", check.SeverityMedium),
	Plan: func(p *model.Plan) []check.Finding {
		return []check.Finding{
			{Status: check.StatusFail, Message: "whole plan", Severity: check.SeverityLow},
			{Address: "aws_db_instance.a", Status: check.StatusFail, Message: "a"},
		}
	},
}

// TestFindingSeverity: a finding's own severity stands for the check's,
// unless the configuration sets the check's; the profile adjusts either.
func TestFindingSeverity(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		profile string
		pol     *policy.Policy
		want    map[string]string // check ID and address -> severity
	}{
		"production": {
			profile: "production",
			want: map[string]string{
				"t_weighted aws_db_instance.a": "critical", "t_weighted aws_db_instance.b[0]": "high", "t_weighted aws_db_instance.c": "critical",
				"t_weighted_plan ": "low", "t_weighted_plan aws_db_instance.a": "medium",
			},
		},
		"the team's severity wins": {
			profile: "production",
			pol:     &policy.Policy{Severity: map[string]policy.Override{"t_weighted": {Level: check.SeverityMedium}}},
			want: map[string]string{
				"t_weighted aws_db_instance.a": "medium", "t_weighted aws_db_instance.b[0]": "medium", "t_weighted aws_db_instance.c": "medium",
				"t_weighted_plan ": "low", "t_weighted_plan aws_db_instance.a": "medium",
			},
		},
		"development reports it low": {
			profile: "development",
			want: map[string]string{
				"t_weighted aws_db_instance.a": "low", "t_weighted aws_db_instance.b[0]": "low", "t_weighted aws_db_instance.c": "low",
				"t_weighted_plan ": "low", "t_weighted_plan aws_db_instance.a": "low",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prof, err := profile.Lookup(tc.profile)
			if err != nil {
				t.Fatal(err)
			}
			rep := Run([]*model.Plan{load(t)}, []check.Check{weighted, weightedPlan}, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: tc.pol})
			got := map[string]string{}
			for _, r := range rep.Results {
				got[r.CheckID+" "+r.Address] = r.Severity.String()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("severities (-want +got):\n%s", diff)
			}
			for _, m := range rep.Checks {
				if m.ID == "t_weighted" && tc.pol == nil && tc.profile == "production" && m.Severity != check.SeverityHigh {
					t.Errorf("the report lists t_weighted at %s, want its declared high", m.Severity)
				}
			}
		})
	}
}

// TestSettingsReachChecks: the configuration's settings reach the checks
// that read them, once per run; other checks run as declared.
func TestSettingsReachChecks(t *testing.T) {
	t.Parallel()
	var seen []string
	configurable := check.Check{
		Meta: meta("t_configurable", "on_call", "ownership", check.SeverityLow),
		Plan: func(p *model.Plan) []check.Finding { return nil },
	}
	configurable.Configure = func(s check.Settings) check.Check {
		seen = append(seen, s.OwnerTags...)
		c := configurable
		c.Configure = nil
		c.Plan = func(p *model.Plan) []check.Finding {
			return []check.Finding{{Status: check.StatusPass, Message: "configured with " + s.OwnerTags[0]}}
		}
		return c
	}
	prod, _ := profile.Lookup("production")
	rep := Run([]*model.Plan{load(t)}, []check.Check{configurable, multiAZ}, Options{Profile: prod, FailOn: check.AtLeast(check.SeverityHigh),
		Policy: &policy.Policy{OwnerTags: []string{"squad"}}})
	if diff := cmp.Diff([]string{"squad"}, seen); diff != "" {
		t.Errorf("settings seen (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, r := range rep.Results {
		if r.CheckID == "t_configurable" {
			msgs = append(msgs, r.Message)
		}
	}
	if diff := cmp.Diff([]string{"configured with squad"}, msgs); diff != "" {
		t.Errorf("results of the configured check (-want +got):\n%s", diff)
	}
}
