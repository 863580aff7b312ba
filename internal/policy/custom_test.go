package policy_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

const customPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a",
  "change":{"actions":["create"],"after":{"multi_az":true,"instance_class":"db.r6g.large","password":"hunter2-canary","tags":{"team":"orders"}},
   "after_unknown":{},"after_sensitive":{"password":true}}},
 {"address":"aws_db_instance.b[0]","mode":"managed","type":"aws_db_instance","name":"b","index":0,
  "change":{"actions":["update"],"after":{"multi_az":false,"instance_class":"db.m5.large","password":"hunter2-canary"},
   "after_unknown":{},"after_sensitive":{"password":true}}},
 {"address":"aws_db_instance.c","mode":"managed","type":"aws_db_instance","name":"c",
  "change":{"actions":["create"],"after":{"instance_class":"db.t3.micro","password":null},"after_unknown":{"multi_az":true}}},
 {"address":"aws_cloudwatch_metric_alarm.cpu","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"cpu",
  "change":{"actions":["create"],"after":{"alarm_name":"cpu","dimensions":{"DBInstanceIdentifier":"a"}},"after_unknown":{}}}
],
"configuration":{"root_module":{"resources":[
 {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","expressions":{}},
 {"address":"aws_db_instance.b","mode":"managed","type":"aws_db_instance","name":"b","expressions":{}},
 {"address":"aws_db_instance.c","mode":"managed","type":"aws_db_instance","name":"c","expressions":{}},
 {"address":"aws_cloudwatch_metric_alarm.cpu","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"cpu",
  "expressions":{"dimensions":{"references":["aws_db_instance.a.identifier","aws_db_instance.a"]}}}
]}}}`

func TestCustomChecks(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
check "team_multi_az" {
  title          = "Databases are Multi-AZ"
  resource_types = ["aws_db_instance"]
  section        = "deployment"
  category       = "multi_az"
  severity       = "high"
  condition      = self.after.multi_az == true
  message        = "${self.address} (${self.after.instance_class}) runs in one zone"
  remediation    = "Set multi_az = true."
}
check "team_alarmed" {
  resource_types = ["aws_db_instance"]
  condition      = length([for r in self.referrers : r if r.type == "aws_cloudwatch_metric_alarm"]) > 0
  message        = "no alarm refers to ${self.name}"
}
check "team_graviton" {
  resource_types = ["aws_db_instance"]
  category       = "instance_choice"
  section        = "deployment"
  severity       = "low"
  condition      = can(regex("^db\\.[a-z]+[0-9]+g", self.after.instance_class))
}
check "team_secret_message" {
  resource_types = ["aws_db_instance"]
  condition      = self.after.password == "nope"
  message        = "password is ${self.after.password}"
}
check "team_typo" {
  resource_types = ["aws_db_instance"]
  condition      = self.after.multi_azz
}
check "team_tags" {
  resource_types = ["aws_db_instance"]
  condition      = lookup(self.tags, "team", "") != "" && startswith(self.type, "aws_") && contains(self.actions, "create")
}
`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", customPlan)}, nil, "production", pol)
	want := []row{
		{"team_alarmed", "aws_db_instance.a", "pass", "medium"},
		{"team_alarmed", "aws_db_instance.b[0]", "fail", "medium"},
		{"team_alarmed", "aws_db_instance.c", "fail", "medium"},
		{"team_graviton", "aws_db_instance.a", "pass", "low"},
		{"team_graviton", "aws_db_instance.b[0]", "fail", "low"},
		{"team_graviton", "aws_db_instance.c", "fail", "low"},
		{"team_multi_az", "aws_db_instance.a", "pass", "high"},
		{"team_multi_az", "aws_db_instance.b[0]", "fail", "high"},
		{"team_multi_az", "aws_db_instance.c", "unknown", "high"},
		{"team_secret_message", "aws_db_instance.a", "fail", "medium"},
		{"team_secret_message", "aws_db_instance.b[0]", "fail", "medium"},
		{"team_secret_message", "aws_db_instance.c", "fail", "medium"},
		{"team_tags", "aws_db_instance.a", "pass", "medium"},
		{"team_tags", "aws_db_instance.b[0]", "fail", "medium"},
		{"team_tags", "aws_db_instance.c", "fail", "medium"},
	}
	if diff := cmp.Diff(want, rows(rep, "team_multi_az", "team_alarmed", "team_graviton", "team_secret_message", "team_typo", "team_tags")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ id, addr, msg string }{
		{"team_multi_az", "aws_db_instance.b[0]", "aws_db_instance.b[0] (db.m5.large) runs in one zone"},
		{"team_multi_az", "aws_db_instance.c", "the condition depends on values known only after apply"},
		{"team_multi_az", "aws_db_instance.a", "the condition holds"},
		{"team_alarmed", "aws_db_instance.c", "no alarm refers to c"},
		{"team_graviton", "aws_db_instance.c", "the condition does not hold"},
		{"team_secret_message", "aws_db_instance.a", "the condition does not hold (the message is withheld: it would show a sensitive value)"},
		{"team_secret_message", "aws_db_instance.c", "the condition does not hold (the message cannot be rendered: .readiness.hcl:27,35-54: Invalid template interpolation value: a value it reads is null)"},
	} {
		if got := message(rep, tt.id, tt.addr); got != tt.msg {
			t.Errorf("%s %s: message %q, want %q", tt.id, tt.addr, got, tt.msg)
		}
	}
	for _, r := range rep.Results {
		if strings.Contains(r.Message, "hunter2") || strings.Contains(r.Message, "canary") {
			t.Errorf("%s %s: message shows a sensitive value: %q", r.CheckID, r.Address, r.Message)
		}
		for _, e := range r.Evidence {
			if strings.Contains(e.Value, "hunter2") {
				t.Errorf("%s %s: evidence shows a sensitive value: %+v", r.CheckID, r.Address, e)
			}
		}
	}
	got := map[string][]check.Evidence{}
	for _, r := range rep.Results {
		if r.Address == "aws_db_instance.b[0]" && strings.HasPrefix(r.CheckID, "team_") {
			got[r.CheckID] = r.Evidence
		}
	}
	wantEv := map[string][]check.Evidence{
		"team_multi_az":       {{Attribute: "multi_az", Value: "false"}},
		"team_alarmed":        {},
		"team_graviton":       {{Attribute: "instance_class", Value: `"db.m5.large"`}},
		"team_secret_message": {{Attribute: "password", Value: "(sensitive)"}},
		"team_tags":           {},
	}
	if diff := cmp.Diff(wantEv, got); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	// The typo is the scan's error, once for the three resources.
	wantErrors := []string{"check team_typo is invalid: .readiness.hcl:31,30-40: the condition cannot be evaluated: Unsupported attribute (attribute multi_azz); " +
		"if some provider versions lack the attribute, read it with try() or can() (on aws_db_instance.a)"}
	if diff := cmp.Diff(wantErrors, rep.Errors); diff != "" || !rep.Invalid {
		t.Errorf("invalid %v, errors (-want +got):\n%s", rep.Invalid, diff)
	}
	for _, r := range rep.Results {
		if r.CheckID == "team_multi_az" && (r.Title != "Databases are Multi-AZ" || r.Remediation != "Set multi_az = true." || !strings.HasSuffix(r.Docs, "docs/configuration.md#custom-checks")) {
			t.Errorf("metadata = %q %q %q", r.Title, r.Remediation, r.Docs)
		}
	}
}
