package hclconfig

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// load reads dir as readiness scan --skip-unread-modules does: fixtures
// may call modules nobody installed.
func load(t *testing.T, dir string) *Result {
	t.Helper()
	r, err := LoadWith(dir, Options{SkipUnreadModules: true})
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return r
}

func addresses(p *model.Plan) []string {
	var out []string
	for _, r := range p.Resources {
		out = append(out, r.Address)
	}
	sort.Strings(out)
	return out
}

func TestLoadBasic(t *testing.T) {
	t.Parallel()
	r := load(t, "testdata/basic")
	p := r.Plan
	if p.Kind != model.KindConfig || p.Path != "testdata/basic" {
		t.Errorf("kind, path = %s, %s", p.Kind, p.Path)
	}
	want := []string{
		`aws_db_instance.main`,
		`aws_db_subnet_group.main`,
		`aws_instance.unknown_count[*]`,
		`aws_instance.web[0]`,
		`aws_instance.web[1]`,
		`aws_s3_bucket.b["assets"]`,
		`aws_s3_bucket.b["logs"]`,
		`aws_s3_bucket.replica`,
		`aws_s3_bucket_versioning.b["assets"]`,
		`aws_s3_bucket_versioning.b["logs"]`,
		`data.aws_ami.ubuntu`,
		`module.cache["blue"].aws_elasticache_replication_group.this`,
		`module.cache["blue"].aws_elasticache_subnet_group.this`,
		`module.cache["green"].aws_elasticache_replication_group.this`,
		`module.cache["green"].aws_elasticache_subnet_group.this`,
	}
	if diff := cmp.Diff(want, addresses(p)); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	wantWarnings := []string{
		`testdata/basic/main.tf:138: module.vpc (source "terraform-aws-modules/vpc/aws") is not installed by terraform init: ` +
			`not read, so the verdict does not cover its resources (to read it, run terraform init in testdata/basic)`,
		`testdata/basic/main.tf:39: variable subnet_ids has no value: what depends on it is unknown`,
	}
	if diff := cmp.Diff(wantWarnings, r.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}

	type attr struct {
		value          any
		unknown, sense bool
		present        bool
	}
	get := func(addr string, path ...model.Step) attr {
		res := p.Lookup(addr)
		if res == nil {
			t.Fatalf("no resource %s", addr)
		}
		a := res.Attr(path...)
		return attr{a.Value, a.Unknown, a.Sensitive, a.Present}
	}
	attrs := map[string]struct {
		addr string
		path []model.Step
		want attr
	}{
		// z.auto.tfvars (env = prod) overrides terraform.tfvars (staging).
		"tfvars then locals":     {"aws_db_instance.main", []model.Step{"identifier"}, attr{value: "orders-prod", present: true}},
		"expression over a var":  {"aws_db_instance.main", []model.Step{"multi_az"}, attr{value: true, present: true}},
		"sensitive variable":     {"aws_db_instance.main", []model.Step{"password"}, attr{value: "hunter2hunter2", sense: true, present: true}},
		"resource attribute":     {"aws_db_instance.main", []model.Step{"db_subnet_group_name"}, attr{unknown: true, present: true}},
		"unset attribute":        {"aws_db_instance.main", []model.Step{"deletion_protection"}, attr{present: true}}, // null, as Terraform plans it
		"merge of maps":          {"aws_db_instance.main", []model.Step{"tags", "env"}, attr{value: "prod", present: true}},
		"variable without value": {"aws_db_subnet_group.main", []model.Step{"subnet_ids"}, attr{unknown: true, present: true}},
		"for_each key":           {`aws_s3_bucket.b["logs"]`, []model.Step{"bucket"}, attr{value: "orders-prod-logs", present: true}},
		"count.index":            {"aws_instance.web[1]", []model.Step{"instance_type"}, attr{value: "m7g.large", present: true}},
		"nested block":           {"aws_instance.web[0]", []model.Step{"root_block_device", 0, "encrypted"}, attr{value: true, present: true}},
		"dynamic block iterator": {"aws_instance.web[0]", []model.Step{"ebs_block_device", 1, "device_name"}, attr{value: "/dev/sdb", present: true}},
		"dynamic block key":      {"aws_instance.web[0]", []model.Step{"ebs_block_device", 1, "encrypted"}, attr{value: false, present: true}},
		"empty dynamic block":    {"aws_db_instance.main", []model.Step{"restore_to_point_in_time"}, attr{value: []any{}, present: true}},
		"lifecycle is meta":      {"aws_instance.web[0]", []model.Step{"lifecycle"}, attr{present: true}}, // no value
		"data source argument":   {"data.aws_ami.ubuntu", []model.Step{"most_recent"}, attr{value: true, present: true}},
		"module input":           {`module.cache["green"].aws_elasticache_replication_group.this`, []model.Step{"multi_az_enabled"}, attr{value: false, present: true}},
		"module variable default": {`module.cache["green"].aws_elasticache_replication_group.this`, []model.Step{"num_cache_clusters"},
			attr{value: float64(2), present: true}},
		"for_each over a resource": {`aws_s3_bucket_versioning.b["logs"]`, []model.Step{"bucket"}, attr{unknown: true, present: true}},
	}
	for name, tc := range attrs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, get(tc.addr, tc.path...), cmp.AllowUnexported(attr{})); diff != "" {
				t.Errorf("%s %v (-want +got):\n%s", tc.addr, tc.path, diff)
			}
		})
	}

	t.Run("instances", func(t *testing.T) {
		t.Parallel()
		web := p.Lookup("aws_instance.web[1]")
		if web.Index != float64(1) || web.ModuleAddress != "" || web.ProviderName != "registry.terraform.io/hashicorp/aws" {
			t.Errorf("web[1]: index %v, module %q, provider %q", web.Index, web.ModuleAddress, web.ProviderName)
		}
		blue := p.Lookup(`module.cache["blue"].aws_elasticache_replication_group.this`)
		if blue.Index != nil || blue.ModuleAddress != `module.cache["blue"]` || blue.ConfigAddress() != "module.cache.aws_elasticache_replication_group.this" {
			t.Errorf("blue: index %v, module %q, config %q", blue.Index, blue.ModuleAddress, blue.ConfigAddress())
		}
		if got := len(p.Instances("aws_s3_bucket.b")); got != 2 {
			t.Errorf("instances of aws_s3_bucket.b: %d", got)
		}
		if data := p.DataOfType("aws_ami"); len(data) != 1 {
			t.Errorf("data sources: %d", len(data))
		}
	})

	t.Run("references", func(t *testing.T) {
		t.Parallel()
		refs := func(addr string, attrs ...string) []string {
			var out []string
			for _, r := range p.Refs(p.Lookup(addr), attrs...) {
				out = append(out, r.Address)
			}
			return out
		}
		if diff := cmp.Diff([]string{"aws_db_subnet_group.main"}, refs("aws_db_instance.main", "db_subnet_group_name")); diff != "" {
			t.Errorf("db refs (-want +got):\n%s", diff)
		}
		// Inside each module instance, references resolve to the same instance.
		green := `module.cache["green"].aws_elasticache_replication_group.this`
		if diff := cmp.Diff([]string{`module.cache["green"].aws_elasticache_subnet_group.this`}, refs(green, "subnet_group_name")); diff != "" {
			t.Errorf("module refs (-want +got):\n%s", diff)
		}
		var referrers []string
		for _, r := range p.Referrers(p.Lookup("data.aws_ami.ubuntu")) {
			referrers = append(referrers, r.Address)
		}
		if diff := cmp.Diff([]string{"aws_instance.web[0]", "aws_instance.web[1]"}, referrers); diff != "" {
			t.Errorf("referrers of the AMI (-want +got):\n%s", diff)
		}
		if v, ok := p.Lookup("aws_db_instance.main").ConstantValue("engine"); !ok || v != "postgres" {
			t.Errorf("constant engine = %v, %t", v, ok)
		}
		if _, ok := p.Lookup("aws_db_instance.main").ConstantValue("multi_az"); ok {
			t.Error("multi_az refers to a variable: not a constant")
		}
	})

	t.Run("regions through providers", func(t *testing.T) {
		t.Parallel()
		for addr, want := range map[string]string{
			"aws_db_instance.main":  "us-east-1", // var.region's default
			"aws_s3_bucket.replica": "eu-central-1",
			// providers = { aws = aws.replica } in the module call.
			`module.cache["blue"].aws_elasticache_replication_group.this`: "eu-central-1",
		} {
			if got, ok := p.Region(p.Lookup(addr)); !ok || got != want {
				t.Errorf("region of %s = %q, %t; want %q", addr, got, ok, want)
			}
		}
	})

	t.Run("variables and secrets", func(t *testing.T) {
		t.Parallel()
		if p.Variables["env"] != "prod" || p.Variables["region"] != "us-east-1" {
			t.Errorf("variables = %v", p.Variables)
		}
		if _, ok := p.Variables["subnet_ids"]; ok {
			t.Error("a variable without a value must not be in Variables")
		}
		if got := p.Scrub("password hunter2hunter2"); got != "password (sensitive)" {
			t.Errorf("scrub = %q", got)
		}
	})
}

// TestChecksRunOnConfig runs the whole catalogue on a configuration: the
// checks see the same model as on a plan.
func TestChecksRunOnConfig(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/basic").Plan
	prof, err := profile.Lookup("production")
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{p}, checks.All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	got := map[string][]string{}
	for _, res := range rep.Results {
		switch res.CheckID {
		case "aws_rds_multi_az", "aws_elasticache_replication_group_multi_az":
			got[res.CheckID+" "+string(res.Status)] = append(got[res.CheckID+" "+string(res.Status)], res.Address)
		}
		if strings.Contains(res.Message, "hunter2") {
			t.Errorf("%s leaks the sensitive variable: %s", res.CheckID, res.Message)
		}
	}
	want := map[string][]string{
		"aws_rds_multi_az pass":                           {"aws_db_instance.main"},
		"aws_elasticache_replication_group_multi_az pass": {`module.cache["blue"].aws_elasticache_replication_group.this`},
		"aws_elasticache_replication_group_multi_az fail": {`module.cache["green"].aws_elasticache_replication_group.this`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	if rep.Inputs[0].Kind != "config" {
		t.Errorf("input kind = %q", rep.Inputs[0].Kind)
	}
}

func TestLoadJSON(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/jsonconfig").Plan
	if diff := cmp.Diff([]string{"aws_db_instance.main[0]"}, addresses(p)); diff != "" {
		t.Fatalf("addresses (-want +got):\n%s", diff)
	}
	r := p.Resources[0]
	for _, tc := range []struct {
		path []model.Step
		want any
	}{
		{[]model.Step{"backup_retention_period"}, float64(3)},
		{[]model.Step{"multi_az"}, false},
		{[]model.Step{"tags", "team"}, "web"},
	} {
		if a := r.Attr(tc.path...); a.Value != tc.want || a.Unknown {
			t.Errorf("%v = %v (unknown %t), want %v", tc.path, a.Value, a.Unknown, tc.want)
		}
	}
	if _, ok := r.Attr("count").Value.(float64); ok {
		t.Error("count is a meta-argument, not a value")
	}
}

// TestExpressions evaluates one argument at a time: what this reader can
// know statically is known, everything else unknown, never guessed.
func TestExpressions(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr    string
		want    any
		unknown bool
	}{
		"literal":                {expr: `"a"`, want: "a"},
		"template":               {expr: `"${var.name}-x"`, want: "svc-x"},
		"conditional":            {expr: `var.n > 2 ? "big" : "small"`, want: "big"},
		"function":               {expr: `upper(var.name)`, want: "SVC"},
		"replace with a regex":   {expr: `replace("a-b-c", "/-/", "_")`, want: "a_b_c"},
		"replace a substring":    {expr: `replace("a.b", ".", "/")`, want: "a/b"},
		"length of a string":     {expr: `length("abcd")`, want: float64(4)},
		"length of a list":       {expr: `length([1, 2])`, want: float64(2)},
		"for expression":         {expr: `[for s in ["a", "b"] : upper(s)]`, want: []any{"A", "B"}},
		"splat over a resource":  {expr: `length(aws_subnet.each[*].id)`, want: float64(3)},
		"try falls back":         {expr: `try(aws_vpc.main.id, "none")`, unknown: true},
		"local chain":            {expr: `local.b`, want: "svc-a-b"},
		"number variable":        {expr: `var.n * 2`, want: float64(6)},
		"resource attribute":     {expr: `aws_vpc.main.id`, unknown: true},
		"data source attribute":  {expr: `data.aws_region.current.name`, unknown: true},
		"unevaluated function":   {expr: `timestamp()`, unknown: true},
		"file function":          {expr: `file("x.txt")`, unknown: true},
		"cidr function":          {expr: `cidrsubnet("10.0.0.0/16", 8, 1)`, want: "10.0.1.0/24"},
		"workspace":              {expr: `terraform.workspace`, unknown: true},
		"undeclared variable":    {expr: `var.nope`, unknown: true},
		"variable without value": {expr: `var.free`, unknown: true},
		"local cycle":            {expr: `local.loop`, unknown: true},
		"module output":          {expr: `module.child.greeting`, want: "hello svc"},
		"typed sensitive input":  {expr: `module.child.secret_list`, want: []any{"s3cr3t"}},
		"path.module":            {expr: `path.module`, want: "."},
	}
	var body strings.Builder
	for name, tc := range tests {
		body.WriteString("  " + attrName(name) + " = " + tc.expr + "\n")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `
variable "name" { default = "svc" }
variable "n" {
  type    = number
  default = "3"
}
variable "free" {}
locals {
  a    = "${var.name}-a"
  b    = "${local.a}-b"
  loop = local.loop
}
resource "aws_vpc" "main" {}
resource "aws_subnet" "each" { count = 3 }
module "child" {
  source = "./child"
  name   = var.name
  secret = [sensitive("s3cr3t")]
}
resource "test_thing" "t" {
`+body.String()+`}
`)
	write(t, filepath.Join(dir, "child", "main.tf"), `
variable "name" {}
variable "secret" {
  type    = list(string)
  default = []
}
output "greeting" { value = "hello ${var.name}" }
output "secret_list" { value = var.secret }
`)
	p := load(t, dir).Plan
	r := p.Lookup("test_thing.t")
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := r.Attr(attrName(name))
			if strings.Contains(name, "sensitive") && !r.Attr(attrName(name), 0).Sensitive {
				t.Errorf("%s: the element is not marked sensitive", tc.expr)
			}
			if a.Unknown != tc.unknown {
				t.Fatalf("%s: unknown = %t, want %t (value %v)", tc.expr, a.Unknown, tc.unknown, a.Value)
			}
			if diff := cmp.Diff(tc.want, a.Value); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, diff)
			}
		})
	}
}

// attrName turns a test name into an argument name.
func attrName(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return '_'
	}, name)
}

func TestInstalledModule(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `
module "db" {
  source  = "example/db/aws"
  version = "1.0.0"
  engine  = "mysql"
}
`)
	write(t, filepath.Join(dir, ".terraform", "modules", "modules.json"),
		`{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"db","Source":"registry.terraform.io/example/db/aws","Version":"1.0.0","Dir":".terraform/modules/db"}]}`)
	write(t, filepath.Join(dir, ".terraform", "modules", "db", "main.tf"), `
variable "engine" {}
resource "aws_db_instance" "this" {
  engine = var.engine
}
`)
	r := load(t, dir)
	if len(r.Warnings) > 0 {
		t.Errorf("warnings: %v", r.Warnings)
	}
	res := r.Plan.Lookup("module.db.aws_db_instance.this")
	if res == nil {
		t.Fatalf("installed module not read: %v", addresses(r.Plan))
	}
	if s, _ := res.Attr("engine").Str(); s != "mysql" {
		t.Errorf("engine = %q", s)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	write(t, filepath.Join(empty, "plan.json"), `{}`)
	badChild := t.TempDir()
	write(t, filepath.Join(badChild, "main.tf"), `module "m" { source = "./missing" }`)
	tests := map[string]struct {
		dir  string
		want string
	}{
		"syntax error":   {"testdata/broken", "main.tf:1,30: Unclosed configuration block"},
		"no .tf files":   {empty, ErrNoConfig.Error()},
		"missing":        {filepath.Join(empty, "nope"), "no such directory"},
		"a file":         {filepath.Join(empty, "plan.json"), "not a directory"},
		"variable types": {"testdata/badtype", "main.tf:2,10: Invalid type specification"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(tc.dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	t.Run("no config is ErrNoConfig", func(t *testing.T) {
		t.Parallel()
		if _, err := Load(empty); !errors.Is(err, ErrNoConfig) {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("missing local module", func(t *testing.T) {
		t.Parallel()
		_, err := Load(badChild)
		if err == nil || !strings.Contains(err.Error(), `main.tf:1: module.m (source "./missing") cannot be read: missing: no such directory: correct its source`) {
			t.Errorf("error = %v", err)
		}
	})
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzLoad feeds arbitrary text as a configuration file: reading it may
// fail, but never panic (Load turns a panic into an "internal error") or
// hang.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		`resource "a_b" "c" { count = 2; x = count.index }`,
		`locals { a = local.a }`,
		`module "m" { source = "./" }`,
		`resource "a_b" "c" { dynamic "d" { for_each = [1]; content { v = d.value } } }`,
		`variable "v" { type = map(object({ a = optional(string, "x") })) default = { k = {} } }`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(dir); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%v\ninput: %q", err, text)
		}
	})
}

// TestFilesNotRead: OpenTofu's .tofu files are listed as not read,
// beside the verdict, and the resources they alone declare are not judged;
// an override file is applied (TestOverridesAsTerraform) without a word.
func TestFilesNotRead(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), "resource \"aws_s3_bucket\" \"logs\" {}\n")
	write(t, filepath.Join(dir, "main_override.tf"), "resource \"aws_s3_bucket\" \"logs\" { bucket = \"x\" }\n")
	write(t, filepath.Join(dir, "public.tofu"), "resource \"aws_db_instance\" \"public\" { publicly_accessible = true }\n")
	res, err := LoadWith(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"aws_s3_bucket.logs"}, addresses(res.Plan)); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	if bucket, _ := res.Plan.Lookup("aws_s3_bucket.logs").Attr("bucket").Str(); bucket != "x" {
		t.Errorf("bucket = %q, want the override file's", bucket)
	}
	want := []string{
		filepath.Join(dir, "public.tofu") + " is an OpenTofu file, which this reader does not read: the configuration is read as Terraform reads it, from the .tf and .tf.json files (scan a plan from tofu show -json to judge what OpenTofu plans)",
	}
	if diff := cmp.Diff(want, res.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
