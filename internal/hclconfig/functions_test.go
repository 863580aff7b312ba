package hclconfig

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestFunctionsFalsePass runs the whole catalogue on the shapes of issue
// 11's false pass: try(lookup(...), false) on a public database, and
// rds-aurora's try(coalesce(...), null).
func TestFunctionsFalsePass(t *testing.T) {
	t.Parallel()
	p := load(t, "testdata/functions").Plan
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
		if res.CheckID == "aws_rds_public_access" {
			got[string(res.Status)] = append(got[string(res.Status)], res.Address)
		}
	}
	want := map[string][]string{
		"fail": {"aws_db_instance.main", `aws_rds_cluster_instance.this["one"]`},
		"pass": {`aws_rds_cluster_instance.this["two"]`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("aws_rds_public_access (-want +got):\n%s", diff)
	}
	for addr, want := range map[string]map[string]any{
		"aws_db_instance.main":                 {"instance_class": "db.r6g.large", "port": float64(5432)},
		`aws_rds_cluster_instance.this["one"]`: {"instance_class": "db.r6g.large"},
		`aws_rds_cluster_instance.this["two"]`: {"instance_class": "db.r6g.2xlarge"},
	} {
		r := p.Lookup(addr)
		if r == nil {
			t.Errorf("%s is not in the plan", addr)
			continue
		}
		for name, v := range want {
			if a := r.Attr(name); a.Unknown || a.Value != v {
				t.Errorf("%s.%s = %v (unknown %t), want %v", addr, name, a.Value, a.Unknown, v)
			}
		}
	}
}

// TestFunctionsUnknown holds what this reader cannot evaluate to unknown,
// in a child module: files outside the module's own directory (the root's
// included), links out of it, what is not a regular file or too large,
// impure functions and functions it lacks, inside try() and can() too;
// while real errors still take try's fallback, as in Terraform.
func TestFunctionsUnknown(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr    string
		want    any
		unknown bool
	}{
		"own file":                  {expr: `file("${path.module}/own.txt")`, want: "own"},
		"own file absolute":         {expr: `file(abspath("${path.module}/own.txt"))`, want: "own"},
		"own template":              {expr: `templatefile("${path.module}/t.tftpl", {x = 1})`, want: "x=1"},
		"root file from a module":   {expr: `file("secret.txt")`, unknown: true},
		"parent by dot dot":         {expr: `file("${path.module}/../../secret.txt")`, unknown: true},
		"link out of the module":    {expr: `file("${path.module}/link.txt")`, unknown: true},
		"link out in try":           {expr: `try(file("${path.module}/link.txt"), "fallback")`, unknown: true},
		"link out in can":           {expr: `can(filesha256("${path.module}/link.txt"))`, unknown: true},
		"home":                      {expr: `file("~/.aws/credentials")`, unknown: true},
		"fifo":                      {expr: `file("${path.module}/fifo")`, unknown: true},
		"too large":                 {expr: `filemd5("${path.module}/large.bin")`, unknown: true},
		"exists outside":            {expr: `fileexists("secret.txt")`, unknown: true},
		"exists inside":             {expr: `fileexists("${path.module}/own.txt")`, want: true},
		"template outside":          {expr: `templatefile("secret.txt", {})`, unknown: true},
		"template calls templates":  {expr: `try(templatefile("${path.module}/self.tftpl", {}), "fallback")`, want: "fallback"},
		"fileset through a link":    {expr: `fileset(path.module, "a/**")`, want: []any{"a/f.txt", "a/to_b/g.txt"}},
		"fileset through a loop":    {expr: `fileset(path.module, "loop/**")`, unknown: true},
		"fileset out of the module": {expr: `fileset(path.module, "../../*.txt")`, unknown: true},
		"missing file falls back":   {expr: `try(file("${path.module}/none.txt"), "fallback")`, want: "fallback"},
		"missing key falls back":    {expr: `try(lookup({}, "k"), "fallback")`, want: "fallback"},
		"type error falls back":     {expr: `try(tonumber("x"), -1)`, want: float64(-1)},
		"can of an error":           {expr: `can(lookup({}, "k"))`, want: false},
		"impure in try":             {expr: `try(uuid(), "fallback")`, unknown: true},
		"plantimestamp":             {expr: `plantimestamp()`, unknown: true},
		"provider function in try":  {expr: `try(provider::aws::arn_parse("arn:aws:s3:::b").region, "fallback")`, unknown: true},
		"provider function in can":  {expr: `can(provider::aws::arn_parse("arn:aws:s3:::b"))`, unknown: true},
		"newer function in try":     {expr: `try(templatestring("x", {}), "fallback")`, unknown: true},
		"unknown variable in try":   {expr: `try(lookup(var.free, "k"), false)`, unknown: true},
		"core namespace":            {expr: `core::lookup({k = "v"}, "k")`, want: "v"},
		"yaml too deep":             {expr: `try(yamldecode("${join("", [for i in range(600) : "[["])}${join("", [for i in range(600) : "]]"])}"), "fallback")`, unknown: true},
		"yaml deep enough":          {expr: `length(flatten(yamldecode("${join("", [for i in range(900) : "["])}1${join("", [for i in range(900) : "]"])}")))`, want: float64(1)},
		"template too deep":         {expr: `try(templatefile("${path.module}/deep.tftpl", {}), "fallback")`, unknown: true},
	}
	dir := t.TempDir()
	mod := filepath.Join(dir, "modules", "child")
	var body strings.Builder
	for name, tc := range tests {
		body.WriteString("  " + attrName(name) + " = " + tc.expr + "\n")
	}
	write(t, filepath.Join(dir, "main.tf"), "module \"child\" {\n  source = \"./modules/child\"\n}\n")
	write(t, filepath.Join(dir, "secret.txt"), "root secret")
	write(t, filepath.Join(mod, "main.tf"), "variable \"free\" {}\nresource \"test_thing\" \"r\" {\n"+body.String()+"}\n")
	write(t, filepath.Join(mod, "own.txt"), "own")
	write(t, filepath.Join(mod, "t.tftpl"), "x=${x}")
	write(t, filepath.Join(mod, "deep.tftpl"), "${"+strings.Repeat("(", 300)+"1"+strings.Repeat(")", 300)+"}")
	write(t, filepath.Join(mod, "self.tftpl"), `${templatefile("self.tftpl", {})}`)
	write(t, filepath.Join(mod, "loop", "f.txt"), "f")
	if err := os.Symlink(filepath.Join("..", "..", "secret.txt"), filepath.Join(mod, "link.txt")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(mod, "a", "f.txt"), "f")
	write(t, filepath.Join(mod, "b", "g.txt"), "g")
	if err := os.Symlink(filepath.Join("..", "b"), filepath.Join(mod, "a", "to_b")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(mod, "loop", "back")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(mod, "fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "large.bin"), make([]byte, maxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	r := load(t, dir).Plan.Lookup("module.child.test_thing.r")
	if r == nil {
		t.Fatal("module.child.test_thing.r is not in the plan")
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := r.Attr(attrName(name))
			if a.Unknown != tc.unknown {
				t.Fatalf("%s: unknown = %t, want %t (value %v)", tc.expr, a.Unknown, tc.unknown, a.Value)
			}
			if diff := cmp.Diff(tc.want, a.Value); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, diff)
			}
		})
	}
}
