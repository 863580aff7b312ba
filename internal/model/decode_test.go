package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

const smallPlan = `{
  "format_version": "1.2",
  "terraform_version": "1.8.5",
  "variables": {"region": {"value": "eu-west-1"}, "db_password": {"value": "hunter2-canary"}},
  "planned_values": {"root_module": {"resources": [{"address": "ignored"}]}},
  "resource_changes": [
    {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "before": null,
       "after": {"bucket": "logs-bucket", "tags": {"team": "core"}, "force_destroy": false},
       "after_unknown": {"id": true, "arn": true, "tags": {}},
       "before_sensitive": false, "after_sensitive": {"tags": {}}}},
    {"address": "module.app[\"blue\"].aws_db_instance.main[0]", "module_address": "module.app[\"blue\"]",
     "mode": "managed", "type": "aws_db_instance", "name": "main", "index": 0,
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "action_reason": "replace_because_cannot_update",
     "change": {"actions": ["delete", "create"], "before": {"multi_az": false}, "replace_paths": [["engine"], ["tags", "x"], ["blocks", 0]],
       "after": {"multi_az": true, "password": "hunter2-canary", "engine": "postgres", "rules": [{"port": 22}, null]},
       "after_unknown": {"endpoint": true, "storage_encrypted": true, "rules": [{"cidr": true}, true]},
       "before_sensitive": {}, "after_sensitive": {"password": true}}},
    {"address": "aws_instance.old", "mode": "managed", "type": "aws_instance", "name": "old",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["delete"], "before": {"instance_type": "t2.micro"}, "after": null,
       "after_unknown": {}, "before_sensitive": {}, "after_sensitive": false}},
    {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web", "deposed": "00000001",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["delete"], "before": {}, "after": null, "after_unknown": {}}}
  ],
  "prior_state": {"format_version": "1.0", "values": {"root_module": {
    "resources": [{"address": "data.aws_subnet.a", "mode": "data", "type": "aws_subnet", "name": "a",
      "provider_name": "registry.terraform.io/hashicorp/aws", "values": {"id": "subnet-1", "availability_zone": "eu-west-1a"}, "sensitive_values": {}},
      {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs", "values": {}}]}}},
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
      "expressions": {"region": {"references": ["var.region"]}}},
      "aws.west": {"name": "aws", "alias": "west", "expressions": {"region": {"constant_value": "us-west-2"}}}},
    "root_module": {
      "resources": [{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
        "provider_config_key": "aws.west", "expressions": {"bucket": {"constant_value": "logs-bucket"}}}],
      "module_calls": {"app": {"source": "./app", "for_each_expression": {"references": ["var.apps"]},
        "expressions": {"log_bucket": {"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]}},
        "module": {"resources": [{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance",
          "name": "main", "provider_config_key": "aws", "count_expression": {"constant_value": 1},
          "expressions": {"engine": {"constant_value": "postgres"}, "tags": {"references": ["var.log_bucket"]},
            "blue_green_update": [{"enabled": {"constant_value": true}}]}}],
          "variables": {"log_bucket": {}}}}},
      "variables": {"region": {}, "db_password": {"sensitive": true}}}},
  "checks": [{"address": {"kind": "check", "to_display": "check.health", "name": "health"}, "status": "fail",
    "instances": [{"address": {"to_display": "check.health"}, "status": "fail", "problems": [{"message": "health endpoint down"}]}]}]
}`

func TestDecodePlan(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindPlan || p.FormatVersion != "1.2" || p.TerraformVersion != "1.8.5" {
		t.Errorf("header = %s %s %s", p.Kind, p.FormatVersion, p.TerraformVersion)
	}
	var addrs []string
	for _, r := range p.Resources {
		addrs = append(addrs, r.Address)
	}
	want := []string{"aws_s3_bucket.logs", `module.app["blue"].aws_db_instance.main[0]`, "aws_instance.old", "aws_instance.web", "data.aws_subnet.a"}
	if diff := cmp.Diff(want, addrs); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	db := p.Lookup(`module.app["blue"].aws_db_instance.main[0]`)
	if db == nil {
		t.Fatal("db not indexed by address")
	}
	if db.ConfigAddress() != "module.app.aws_db_instance.main" || db.Config == nil {
		t.Errorf("config address %q, config %v", db.ConfigAddress(), db.Config)
	}
	if !db.Actions.Replace() || !db.Destroyed() || !db.Exists() {
		t.Errorf("replace: actions %v", db.Actions)
	}
	if db.ActionReason != "replace_because_cannot_update" || len(db.ReplacePaths) != 3 || db.ReplacePaths[2].String() != "blocks[0]" {
		t.Errorf("action reason %q, replace paths %v", db.ActionReason, db.ReplacePaths)
	}
	if got := p.OfType("aws_instance"); len(got) != 0 {
		t.Errorf("deleted and deposed instances must not be listed as existing, got %d", len(got))
	}
	if len(p.CheckBlocks) != 1 || p.CheckBlocks[0].Status != tfjson.CheckStatusFail {
		t.Errorf("check blocks = %+v", p.CheckBlocks)
	}
	if len(p.DataOfType("aws_subnet")) != 1 {
		t.Error("data source from prior_state missing")
	}
}

func TestAttr(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	db := p.Lookup(`module.app["blue"].aws_db_instance.main[0]`)
	tests := map[string]struct {
		path                        Path
		present, unknown, sensitive bool
		show                        string
	}{
		"known bool":        {Path{"multi_az"}, true, false, false, "true"},
		"unknown":           {Path{"storage_encrypted"}, false, true, false, "(known after apply)"},
		"sensitive":         {Path{"password"}, true, false, true, "(sensitive)"},
		"absent":            {Path{"iops"}, false, false, false, "(not set)"},
		"inside unknown":    {Path{"endpoint", "port"}, false, true, false, "(known after apply)"},
		"list index absent": {Path{"engine", 3}, false, false, false, "(not set)"},
		"unknown inside":    {Path{"rules"}, true, false, false, `[{"port":22,"cidr":"(known after apply)"},"(known after apply)"]`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := db.Attr(tc.path...)
			if a.Present != tc.present || a.Unknown != tc.unknown || a.Sensitive != tc.sensitive {
				t.Errorf("Attr(%v) = present %v unknown %v sensitive %v", tc.path, a.Present, a.Unknown, a.Sensitive)
			}
			if got := p.Show(db, a); got != tc.show {
				t.Errorf("Show = %q, want %q", got, tc.show)
			}
		})
	}
}

func TestRefsThroughModuleVariable(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	db := p.Lookup(`module.app["blue"].aws_db_instance.main[0]`)
	bucket := p.Lookup("aws_s3_bucket.logs")
	refs := p.Refs(db, "tags")
	if len(refs) != 1 || refs[0] != bucket {
		t.Fatalf("Refs(db, tags) = %v, want the bucket", refs)
	}
	if got := p.Referrers(bucket, "aws_db_instance"); len(got) != 1 || got[0] != db {
		t.Errorf("Referrers(bucket) = %v", got)
	}
	if got := p.Referrers(bucket, "aws_instance"); len(got) != 0 {
		t.Errorf("Referrers filtered by type = %v", got)
	}
	if db.Configured("blue_green_update", "enabled") != Set || db.Configured("blue_green_update", "timeout") != NotSet {
		t.Error("Configured on nested blocks")
	}
	if v, ok := db.ConstantValue("engine"); !ok || v != "postgres" {
		t.Errorf("ConstantValue(engine) = %v %v", v, ok)
	}
}

func TestRegion(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct{ addr, want string }{
		"aliased provider constant": {"aws_s3_bucket.logs", "us-west-2"},
		"default provider variable": {`module.app["blue"].aws_db_instance.main[0]`, "eu-west-1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := p.Region(p.Lookup(tc.addr))
			if !ok || got != tc.want {
				t.Errorf("Region = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

func TestScrubSensitiveVariable(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Scrub("password is hunter2-canary!"); strings.Contains(got, "hunter2") {
		t.Errorf("Scrub left the sensitive variable: %q", got)
	}
}

func TestDecodeState(t *testing.T) {
	t.Parallel()
	state := `{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{
	  "resources":[{"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","provider_name":"registry.terraform.io/hashicorp/aws","values":{"multi_az":true,"password":"x"},"sensitive_values":{"password":true}}],
	  "child_modules":[{"address":"module.m[\"k\"]","resources":[{"address":"module.m[\"k\"].aws_db_instance.b[1]","mode":"managed","type":"aws_db_instance","name":"b","index":1,"values":{"multi_az":false}}]}]}}}`
	p, err := Decode("state.json", []byte(state))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindState || len(p.OfType("aws_db_instance")) != 2 {
		t.Fatalf("kind %s, %d resources", p.Kind, len(p.Resources))
	}
	b := p.Lookup(`module.m["k"].aws_db_instance.b[1]`)
	if b == nil || b.ModuleAddress != `module.m["k"]` || b.ConfigAddress() != "module.m.aws_db_instance.b" {
		t.Errorf("module resource %+v", b)
	}
	if !p.Lookup("aws_db_instance.a").Attr("password").Sensitive {
		t.Error("state sensitive_values not applied")
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ in, want string }{
		"not json":       {"hello", "not a Terraform JSON plan or state"},
		"array":          {"[1,2]", "not a Terraform JSON plan or state"},
		"truncated":      {`{"format_version": "1.2", "resource_changes": [`, "line 1"},
		"bad literal":    {`{"format_version": tru}`, "in literal true"},
		"trailing":       {`{"format_version": "1.0", "values": {}} x`, "after the top-level value"},
		"future format":  {`{"format_version": "2.0", "resource_changes": []}`, "unsupported format_version"},
		"no format":      {`{"resource_changes": []}`, "format_version is missing"},
		"unrelated json": {`{"name": "x"}`, "not a Terraform JSON plan or state"},
		// Other terraform commands' documents, which have a format_version.
		"validate -json":           {`{"format_version": "1.0", "valid": false, "error_count": 1, "warning_count": 0, "diagnostics": []}`, "none of a plan's or state's members"},
		"providers schema -json":   {`{"format_version": "1.0", "provider_schemas": {}}`, "none of a plan's or state's members"},
		"metadata functions -json": {`{"format_version": "1.0", "function_signatures": {}}`, "none of a plan's or state's members"},
		"deep nesting":             {`{"format_version":"1.2","resource_changes":[{"address":"a","type":"t","change":{"after":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "}}]}", "nesting deeper"},
		"bad change":               {`{"format_version":"1.2","resource_changes":[{"type":"x"}]}`, "without address"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Decode("f.json", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to mention %q", err, tc.want)
			}
		})
	}
	var se *SyntaxError
	_, err := Decode("f.json", []byte("{\n  \"format_version\": \"1.2\",\n  \"x\": [1,,2]\n}"))
	if !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("syntax error position: %v", err)
	}
}

func TestParserValues(t *testing.T) {
	t.Parallel()
	p := newParser([]byte(`{"s":"a\"b\\u00e9\ud83d\ude00","n":-12.5e1,"i":42,"b":[true,false,null],"o":{}}`))
	v, err := p.value()
	if err != nil {
		t.Fatal(err)
	}
	want := Object{{"s", "a\"b\\u00e9😀"}, {"n", -125.0}, {"i", 42.0}, {"b", []any{true, false, nil}}, {"o", Object{}}}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDecodeReaderMatchesDecode reads the same documents through the
// streaming window one byte at a time, so that every value straddles a
// refill, and expects the same model and the same errors.
func TestDecodeReaderMatchesDecode(t *testing.T) {
	t.Parallel()
	docs := map[string]string{
		"plan":      smallPlan,
		"escapes":   `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","type":"a","values":{"s":"x\"y\\z\u00e9\ud83d\ude00","n":-1.5e3,"big":12345678901234567890}}]}}}`,
		"bad":       "{\n \"format_version\": \"1.2\",\n \"x\": [1,,2]\n}",
		"truncated": `{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"after":{"s":"abc`,
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			want, wantErr := Decode("f.json", []byte(doc))
			// One byte at a time: every token straddles a read.
			got, gotErr := decode("f.json", newStreamParser(iotest.OneByteReader(strings.NewReader(doc))))
			if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
				t.Fatalf("errors differ: bytes %v, stream %v", wantErr, gotErr)
			}
			if wantErr != nil {
				return
			}
			if len(want.Resources) != len(got.Resources) {
				t.Fatalf("resources: %d vs %d", len(want.Resources), len(got.Resources))
			}
			for i := range want.Resources {
				if diff := cmp.Diff(want.Resources[i].After, got.Resources[i].After); diff != "" {
					t.Errorf("%s after differs:\n%s", want.Resources[i].Address, diff)
				}
			}
		})
	}
}

func TestWithValue(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second call is served from the index
		got := p.WithValue("logs-bucket", Path{"bucket"}, "aws_s3_bucket")
		if len(got) != 1 || got[0].Address != "aws_s3_bucket.logs" {
			t.Fatalf("WithValue = %v", got)
		}
	}
	if got := p.WithValue("other", Path{"bucket"}, "aws_s3_bucket"); len(got) != 0 {
		t.Errorf("WithValue(other) = %v", got)
	}
	if got := p.WithValue("", Path{"bucket"}, "aws_s3_bucket"); got != nil {
		t.Errorf("an empty value must match nothing, got %v", got)
	}
}

func TestMostSpecific(t *testing.T) {
	t.Parallel()
	got := mostSpecific([]string{`module.x["eu"].out`, `module.x["eu"]`, "module.x", "aws_s3_bucket.b.id", "aws_s3_bucket.b", "var.v", "aws_s3_bucket.bb"})
	want := []string{`module.x["eu"].out`, "aws_s3_bucket.b.id", "var.v", "aws_s3_bucket.bb"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestHasUnknown(t *testing.T) {
	t.Parallel()
	p, err := Decode("plan.json", []byte(smallPlan))
	if err != nil {
		t.Fatal(err)
	}
	db := p.Lookup(`module.app["blue"].aws_db_instance.main[0]`)
	if !db.HasUnknown() || !db.HasUnknown("endpoint") || db.HasUnknown("multi_az") {
		t.Error("HasUnknown")
	}
}

// TestDecodeEmptyState: terraform show -json of an empty state is its
// format_version (and terraform_version) alone, and reads as a state with
// nothing in it, unlike other commands' documents (TestDecodeErrors).
func TestDecodeEmptyState(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		`{"format_version": "1.0"}`,
		`{"format_version": "1.0", "terraform_version": "1.8.5"}`,
		`{"format_version": "1.0", "terraform_version": "1.8.5", "values": {"root_module": {}}}`,
	} {
		p, err := Decode("f.json", []byte(doc))
		if err != nil {
			t.Errorf("%s: %v", doc, err)
			continue
		}
		if p.Kind != KindState || len(p.Resources) != 0 {
			t.Errorf("%s: kind %s, %d resources", doc, p.Kind, len(p.Resources))
		}
	}
}

// TestDecodeIncompletePlan: "complete": false (Terraform 1.8 and later: a
// plan made with -target, or deferring changes) is a warning; an errored
// plan is incomplete too, but its error says more (engine.ErroredPlan).
func TestDecodeIncompletePlan(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		doc  string
		warn bool
	}{
		"complete":             {`{"format_version": "1.2", "resource_changes": [], "complete": true}`, false},
		"before Terraform 1.8": {`{"format_version": "1.2", "resource_changes": []}`, false},
		"targeted":             {`{"format_version": "1.2", "resource_changes": [], "complete": false}`, true},
		"errored":              {`{"format_version": "1.2", "resource_changes": [], "complete": false, "errored": true}`, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Decode("plan.json", []byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			want := []string(nil)
			if tc.warn {
				want = []string{"plan.json is an incomplete plan: Terraform planned part of the configuration (with -target, or deferring changes to a later run), and what it left out is not judged"}
			}
			if diff := cmp.Diff(want, p.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeRedactedPlan: HCP Terraform's redacted JSON plan
// (json-output-redacted; Terraform's jsonformat.Plan) has a
// plan_format_version instead of format_version, provider schemas, and no
// configuration or prior state. Its changes read as a plan's do, with a
// warning that the configuration is missing.
func TestDecodeRedactedPlan(t *testing.T) {
	t.Parallel()
	doc := `{
  "plan_format_version": "1.2",
  "resource_drift": [],
  "resource_changes": [{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
    "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["create"], "before": null, "after": {"bucket": "logs"}, "after_unknown": {"id": true},
      "before_sensitive": false, "after_sensitive": {}}}],
  "relevant_attributes": [],
  "output_changes": {},
  "provider_format_version": "1.0",
  "provider_schemas": {"registry.terraform.io/hashicorp/aws": {"provider": {"version": 0, "block": {}}}}
}`
	p, err := Decode("plan-redacted.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindPlan || p.FormatVersion != "1.2" || p.Lookup("aws_s3_bucket.logs") == nil {
		t.Fatalf("kind %s, format %q, resources %d", p.Kind, p.FormatVersion, len(p.Resources))
	}
	if got, _ := p.Lookup("aws_s3_bucket.logs").Attr("bucket").Str(); got != "logs" {
		t.Errorf("bucket = %q", got)
	}
	if len(p.Warnings) != 1 || !strings.HasPrefix(p.Warnings[0], "plan-redacted.json is HCP Terraform's redacted JSON plan (json-output-redacted), which holds no configuration") {
		t.Errorf("warnings = %q", p.Warnings)
	}
}
