package model

import (
	"strings"
	"testing"
)

func poolInput(t *testing.T, path, doc string) *Plan {
	t.Helper()
	p, err := Decode(path, []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Two plans with the same addresses, each with its region in a root
// variable, a reference inside it, a sensitive variable and a check block.
const poolDoc = `{"format_version":"1.2","terraform_version":"1.8.5",
 "variables":{"region":{"value":"REGION"},"token":{"value":"TOKEN"}},
 "resource_changes":[
  {"address":"aws_sns_topic.t","mode":"managed","type":"aws_sns_topic","name":"t","provider_name":"registry.terraform.io/hashicorp/aws",
   "change":{"actions":["create"],"after":{"name":"t"},"after_unknown":{"arn":true}}},
  {"address":"aws_cloudwatch_metric_alarm.a","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"a","provider_name":"registry.terraform.io/hashicorp/aws",
   "change":{"actions":["create"],"after":{"alarm_name":"a"},"after_unknown":{"alarm_actions":true}}}],
 "configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"references":["var.region"]}}}},
  "root_module":{"variables":{"region":{},"token":{"sensitive":true}},"resources":[
   {"address":"aws_sns_topic.t","mode":"managed","type":"aws_sns_topic","name":"t","provider_config_key":"aws","expressions":{"name":{"constant_value":"t"}}},
   {"address":"aws_cloudwatch_metric_alarm.a","mode":"managed","type":"aws_cloudwatch_metric_alarm","name":"a","provider_config_key":"aws",
    "expressions":{"alarm_actions":{"references":["aws_sns_topic.t.arn","aws_sns_topic.t"]}}}]}},
 "checks":[{"address":{"kind":"check","name":"up","to_display":"check.up"},"status":"fail","instances":[{"address":{"to_display":"check.up"},"status":"fail"}]}]}`

func TestPool(t *testing.T) {
	t.Parallel()
	app := poolInput(t, "app/plan.json", replaceAll(poolDoc, "REGION", "eu-west-1", "TOKEN", "app-secret-token"))
	ops := poolInput(t, "ops/plan.json", replaceAll(poolDoc, "REGION", "us-east-1", "TOKEN", "ops-secret-token"))
	pool := Pool([]*Plan{app, ops})

	if got := pool.Members(); len(got) != 2 || got[0] != app || got[1] != ops {
		t.Fatalf("Members = %v", got)
	}
	for _, tc := range []struct {
		address, input, origin, region string
	}{
		{"module.app.aws_cloudwatch_metric_alarm.a", "app/plan.json", "aws_cloudwatch_metric_alarm.a", "eu-west-1"},
		{"module.ops.aws_cloudwatch_metric_alarm.a", "ops/plan.json", "aws_cloudwatch_metric_alarm.a", "us-east-1"},
	} {
		r := pool.Lookup(tc.address)
		if r == nil {
			t.Fatalf("no %s in the pool", tc.address)
		}
		if in, addr := pool.Origin(tc.address); in.Path != tc.input || addr != tc.origin {
			t.Errorf("Origin(%s) = %s, %s; want %s, %s", tc.address, in.Path, addr, tc.input, tc.origin)
		}
		if got, ok := pool.Region(r); !ok || got != tc.region {
			t.Errorf("Region(%s) = %q, %t; want %q (the member's root variable)", tc.address, got, ok, tc.region)
		}
		refs := pool.Refs(r, "alarm_actions")
		if len(refs) != 1 || refs[0].Address != "module."+tc.input[:3]+".aws_sns_topic.t" {
			t.Errorf("Refs(%s) = %v: a reference must resolve inside its own input", tc.address, refs)
		}
	}
	if in, addr := pool.Origin(""); in != pool || addr != "" {
		t.Errorf("a whole-pool finding comes from %q, %q", in.Path, addr)
	}
	if pool.Path != "app/plan.json + ops/plan.json" {
		t.Errorf("Path = %q", pool.Path)
	}
	var checks []string
	for _, c := range pool.CheckBlocks {
		checks = append(checks, c.Address.ToDisplay, c.Instances[0].Address.ToDisplay)
	}
	if len(checks) != 4 || checks[0] != "module.app.check.up" || checks[3] != "module.ops.check.up" {
		t.Errorf("check blocks = %v", checks)
	}
	if got := pool.Scrub("app-secret-token ops-secret-token"); got != "(sensitive) (sensitive)" {
		t.Errorf("Scrub = %q: the members' sensitive variables must stay secret", got)
	}
	if Pool([]*Plan{app}) != app || Pool(nil) != nil {
		t.Error("a pool of one is that plan, of none nil")
	}
}

func replaceAll(s string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(s)
}
