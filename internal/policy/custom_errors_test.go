package policy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// errorsPlan has canaries in every value a failing function could quote:
// the judged resource's plain strings (it has no sensitive value, so
// nothing marks it as one to be careful with), and a neighbour's
// sensitive password.
const errorsPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a",
  "change":{"actions":["create"],"after":{"multi_az":true,"instance_class":"db.r6g.large","plain":"CANARY-PLAIN",
   "subnets":["s1"],"empty":[],"tags":{"team":"db"},"nothing":null},
   "after_unknown":{"later":true},"after_sensitive":{}}},
 {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k",
  "change":{"actions":["create"],"after":{"password":"CANARY-NEIGHBOUR"},"after_unknown":{},"after_sensitive":{"password":true}}}
],
"configuration":{"root_module":{"resources":[
 {"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a",
  "expressions":{"kms_key_id":{"references":["aws_kms_key.k.arn","aws_kms_key.k"]}}},
 {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k","expressions":{}}
]}}}`

// customCase runs one custom check, team_case, over plan; its condition is
// on line 3 of the configuration.
func customCase(t *testing.T, plan *model.Plan, condition, msg string) *engine.Report {
	t.Helper()
	src := "check \"team_case\" {\n  resource_types = [\"aws_db_instance\"]\n  condition = " + condition + "\n"
	if msg != "" {
		src += "  message = " + msg + "\n"
	}
	return run(t, []*model.Plan{plan}, nil, "production", parse(t, src+"}\n"))
}

// TestCustomCheckErrors: a condition or message that cannot be evaluated
// for a mistake of its own (an attribute the object does not have, a type
// error, an index out of range) is the scan's error, naming the check and
// the place; values known only after apply and null values read stay
// unknown; try() and can() still tolerate a missing attribute. No message
// or error ever quotes a value reachable through self.
func TestCustomCheckErrors(t *testing.T) {
	t.Parallel()
	plan := decode(t, "plan.json", errorsPlan)
	tests := map[string]struct {
		condition, message string
		status             string // the result's, when no error
		err                string // the error, after "check team_case is invalid: "
	}{
		"typo": {condition: "self.after.multi_azz",
			err: ".readiness.hcl:3,25-35: the condition cannot be evaluated: Unsupported attribute (attribute multi_azz); if some provider versions lack the attribute, read it with try() or can() (on aws_db_instance.a)"},
		"type error":          {condition: "self.after.multi_az + 1 > 0", err: ".readiness.hcl:3,15-34: the condition cannot be evaluated: Invalid operand"},
		"index out of range":  {condition: "self.after.subnets[5] == \"s1\"", err: ".readiness.hcl:3,33-36: the condition cannot be evaluated: Invalid index"},
		"not a bool":          {condition: "self.after.instance_class", err: ".readiness.hcl:3,15-40: the condition is a string, not a bool"},
		"message error":       {condition: "false", message: "\"${self.after.subnets[5]}\"", err: ".readiness.hcl:4,34-37: the message cannot be rendered: Invalid index"},
		"try":                 {condition: "try(self.after.multi_azz, false)", status: "fail"},
		"can":                 {condition: "can(self.after.multi_azz)", status: "fail"},
		"known after apply":   {condition: "self.after.later == true", status: "unknown"},
		"null read":           {condition: "self.after.nothing.enabled", status: "unknown"},
		"null compared":       {condition: "self.after.nothing == \"x\"", status: "fail"},
		"null in the message": {condition: "false", message: "\"${self.after.nothing}\"", status: "fail"},

		"neighbour's secret to tonumber": {condition: "tonumber(self.refs[0].after.password) > 1", err: "Invalid function argument (function tonumber)"},
		"plain value to tonumber":        {condition: "tonumber(self.after.plain) > 1", err: "(function tonumber)"},
		"neighbour's secret to tobool":   {condition: "tobool(self.refs[0].after.password)", err: "(function tobool)"},
		"parseint":                       {condition: "parseint(self.after.plain, 10) > 1", err: "(function parseint)"},
		"regex":                          {condition: "regex(\"^x\", self.refs[0].after.password) == \"\"", err: "(function regex)"},
		"regex pattern":                  {condition: "length(regexall(\"${self.after.plain}(\", \"x\")) > 0", err: "(function regexall)"},
		"jsondecode":                     {condition: "jsondecode(self.refs[0].after.password) == 1", err: "(function jsondecode)"},
		"csvdecode":                      {condition: "length(csvdecode(\"a\\n${self.after.plain},b\")) > 0", err: "(function csvdecode)"},
		"lookup":                         {condition: "lookup(self.after.tags, self.refs[0].after.password) == \"\"", err: "(function lookup)"},
		"element":                        {condition: "element(self.after.empty, 0) == self.after.plain", err: "(function element)"},
		"format":                         {condition: "format(\"%d\", self.refs[0].after.password) == \"\"", err: "(function format)"},
		"formatdate":                     {condition: "formatdate(\"YYYY\", self.after.plain) == \"\"", err: "(function formatdate)"},
		"timeadd":                        {condition: "timeadd(self.after.plain, \"1h\") == \"\"", err: "(function timeadd)"},
		"key from a secret":              {condition: "self.after.tags[self.refs[0].after.password] == \"\"", err: "Invalid index"},
		"attribute from a secret":        {condition: "self.after[self.refs[0].after.password] == \"\"", err: "the condition cannot be evaluated"},
		"secret in the message":          {condition: "false", message: "\"${tonumber(self.refs[0].after.password)}\"", err: "the message cannot be rendered: Invalid function argument (function tonumber)"},
		"plain in the message":           {condition: "false", message: "\"${tonumber(self.after.plain)}\"", err: "(function tonumber)"},

		"setproduct":            {condition: "length(setproduct(range(1024), range(1024), range(64))) > 0", err: "the condition exceeds the evaluation budget of 100,000 steps"},
		"three for expressions": {condition: "length([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]]) > 0", err: "exceeds the evaluation budget of 100,000 steps"},
		"runaway in try":        {condition: "try(length(setproduct(range(1024), range(1024), range(64))) > 0, true)", err: "exceeds the evaluation budget"},
		"runaway message":       {condition: "false", message: "join(\",\", [for a in range(1024) : join(\",\", [for b in range(1024) : b])])", err: "the message exceeds the evaluation budget"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			rep := customCase(t, plan, tt.condition, tt.message)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			all := strings.Join(rep.Errors, "\n")
			for _, r := range rep.Results {
				all += "\n" + r.Message
			}
			if strings.Contains(all, "CANARY") {
				t.Errorf("a value is quoted:\n%s", all)
			}
			got := rows(rep, "team_case")
			if tt.err != "" {
				if !rep.Invalid || len(rep.Errors) != 1 || !strings.HasPrefix(rep.Errors[0], "check team_case is invalid: ") || !strings.Contains(rep.Errors[0], tt.err) {
					t.Fatalf("invalid %v, errors %q; want one containing %q", rep.Invalid, rep.Errors, tt.err)
				}
				if len(got) != 0 {
					t.Errorf("results %v beside the error", got)
				}
				return
			}
			if rep.Invalid || len(rep.Errors) > 0 {
				t.Fatalf("errors: %q", rep.Errors)
			}
			if len(got) != 1 || got[0].Status != tt.status {
				t.Fatalf("results %v, want one %s: %s", got, tt.status, message(rep, "team_case", "aws_db_instance.a"))
			}
		})
	}
}

// TestCustomCheckOnConfiguration: in a directory read without Terraform,
// an attribute the configuration does not set is not in the model, its
// default being the provider's: reading it is unknown, not an error. An
// attribute self itself does not have is a mistake there too.
func TestCustomCheckOnConfiguration(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("resource \"aws_db_instance\" \"a\" {\n  instance_class = \"db.r6g.large\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := hclconfig.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := customCase(t, plan, "self.after.multi_az == true", "")
	if got := rows(rep, "team_case"); len(got) != 1 || got[0].Status != "unknown" || rep.Invalid {
		t.Errorf("unset attribute: results %v, errors %q", got, rep.Errors)
	}
	if msg := message(rep, "team_case", "aws_db_instance.a"); !strings.Contains(msg, "(attribute multi_az): the configuration does not set it") {
		t.Errorf("message = %q", msg)
	}
	rep = customCase(t, plan, "self.afterr.multi_az == true", "")
	if !rep.Invalid {
		t.Errorf("self.afterr: results %v, no error", rows(rep, "team_case"))
	}
}

// TestTryAndCan: the conditions docs/configuration.md gives for attributes
// only some provider versions have judge every version's plan, without an
// error.
func TestTryAndCan(t *testing.T) {
	t.Parallel()
	plan := decode(t, "plan.json", `{"format_version":"1.2","resource_changes":[
 {"address":"aws_db_instance.old","mode":"managed","type":"aws_db_instance","name":"old","change":{"actions":["create"],"after":{"engine":"postgres"},"after_unknown":{}}},
 {"address":"aws_db_instance.low","mode":"managed","type":"aws_db_instance","name":"low","change":{"actions":["create"],"after":{"storage_throughput":100,"blue_green_update":[]},"after_unknown":{}}},
 {"address":"aws_db_instance.ok","mode":"managed","type":"aws_db_instance","name":"ok","change":{"actions":["create"],"after":{"storage_throughput":125,"blue_green_update":[{"enabled":true}]},"after_unknown":{}}}]}`)
	pol := parse(t, `
check "team_rds_storage_throughput" {
  resource_types = ["aws_db_instance"]
  condition = try(self.after.storage_throughput, null) == null || self.after.storage_throughput >= 125
}
check "team_rds_blue_green" {
  resource_types = ["aws_db_instance"]
  condition = can(self.after.blue_green_update) ? length(self.after.blue_green_update) > 0 : null
}
`)
	rep := run(t, []*model.Plan{plan}, nil, "production", pol)
	want := []row{
		{"team_rds_blue_green", "aws_db_instance.low", "fail", "medium"},
		{"team_rds_blue_green", "aws_db_instance.ok", "pass", "medium"},
		{"team_rds_blue_green", "aws_db_instance.old", "unknown", "medium"},
		{"team_rds_storage_throughput", "aws_db_instance.low", "fail", "medium"},
		{"team_rds_storage_throughput", "aws_db_instance.ok", "pass", "medium"},
		{"team_rds_storage_throughput", "aws_db_instance.old", "pass", "medium"},
	}
	if diff := cmp.Diff(want, rows(rep, "team_rds_storage_throughput", "team_rds_blue_green")); diff != "" || rep.Invalid {
		t.Errorf("errors %q, results (-want +got):\n%s", rep.Errors, diff)
	}
}
