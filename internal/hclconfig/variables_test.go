package hclconfig

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestVariablePrecedence: defaults, then terraform.tfvars,
// terraform.tfvars.json, the *.auto.tfvars(.json) files in lexical order,
// then the values given, in their order: the later wins, as in Terraform.
func TestVariablePrecedence(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	var main strings.Builder
	for _, n := range names {
		main.WriteString("variable \"" + n + "\" { default = \"default\" }\n")
	}
	main.WriteString("resource \"test_thing\" \"t\" {\n")
	for _, n := range names {
		main.WriteString("  " + n + " = var." + n + "\n")
	}
	main.WriteString("}\n")
	write(t, filepath.Join(dir, "main.tf"), main.String())
	write(t, filepath.Join(dir, "terraform.tfvars"), "b = \"terraform.tfvars\"\nc = \"terraform.tfvars\"\nd = \"terraform.tfvars\"\n")
	write(t, filepath.Join(dir, "terraform.tfvars.json"), `{"c": "terraform.tfvars.json", "d": "terraform.tfvars.json"}`)
	write(t, filepath.Join(dir, "b.auto.tfvars"), "d = \"b.auto.tfvars\"\ne = \"b.auto.tfvars\"\n")
	write(t, filepath.Join(dir, "a.auto.tfvars.json"), `{"d": "a.auto.tfvars.json", "e": "a.auto.tfvars.json"}`)
	// Given files live anywhere, by the path given.
	other := t.TempDir()
	write(t, filepath.Join(other, "prod.tfvars"), "e = \"prod.tfvars\"\nf = \"prod.tfvars\"\ng = \"prod.tfvars\"\n")
	write(t, filepath.Join(other, "late.tfvars.json"), `{"h": "late.tfvars.json"}`)

	res, err := LoadWith(dir, Options{Vars: []Var{
		{Name: "g", Value: "--var g, before the file"},
		{File: filepath.Join(other, "prod.tfvars")},
		{Name: "f", Value: "--var f"},
		{Name: "h", Value: "--var h"},
		{File: filepath.Join(other, "late.tfvars.json")},
		{Name: "i", Value: "--var i, first"},
		{Name: "i", Value: "--var i, last"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Plan.Lookup("test_thing.t")
	got := map[string]any{}
	for _, n := range names {
		got[n] = r.Attr(model.Step(n)).Value
	}
	want := map[string]any{
		"a": "default",
		"b": "terraform.tfvars",
		"c": "terraform.tfvars.json",
		"d": "b.auto.tfvars", // a.auto.tfvars.json, then b.auto.tfvars
		"e": "prod.tfvars",
		"f": "--var f",
		"g": "prod.tfvars", // the file came after the flag
		"h": "late.tfvars.json",
		"i": "--var i, last",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestVariableTypes: a value given as text is read as terraform plan -var
// reads it: an HCL expression for a collection, structural or any type, the
// text itself otherwise, then converted to the declared type.
func TestVariableTypes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		decl, value string
		want        any
	}{
		"map":                  {decl: `type = map(string)`, value: `{ team = "web", env = "prod" }`, want: model.Object{{Name: "env", Value: "prod"}, {Name: "team", Value: "web"}}},
		"object with optional": {decl: `type = object({ size = number, az = optional(string, "a") })`, value: `{size = 2}`, want: model.Object{{Name: "az", Value: "a"}, {Name: "size", Value: float64(2)}}},
		"list":                 {decl: `type = list(number)`, value: `[1, 2, 3]`, want: []any{float64(1), float64(2), float64(3)}},
		"any":                  {decl: `type = any`, value: `["a", true]`, want: []any{"a", true}},
		"number":               {decl: `type = number`, value: `3`, want: float64(3)},
		"bool":                 {decl: `type = bool`, value: `true`, want: true},
		"string keeps braces":  {decl: `type = string`, value: `{ not = "hcl" }`, want: `{ not = "hcl" }`},
		"no type is text":      {decl: ``, value: `[1, 2]`, want: `[1, 2]`},
		"empty string":         {decl: `type = string`, value: ``, want: ""},
		// Terraform 0.11's bare keywords, still accepted: list(any), map(any).
		"bare list": {decl: `type = list`, value: `["a", "b"]`, want: []any{"a", "b"}},
		"bare map":  {decl: `type = map`, value: `{ a = 1 }`, want: model.Object{{Name: "a", Value: float64(1)}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.tf"), "variable \"v\" {\n  "+tc.decl+"\n}\nresource \"test_thing\" \"t\" {\n  v = var.v\n}\n")
			res, err := LoadWith(dir, Options{Vars: []Var{{Name: "v", Value: tc.value}}})
			if err != nil {
				t.Fatal(err)
			}
			a := res.Plan.Lookup("test_thing.t").Attr("v")
			if a.Unknown {
				t.Fatalf("v is unknown")
			}
			if diff := cmp.Diff(tc.want, a.Value); diff != "" {
				t.Errorf("v (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVariableErrors: a value that cannot be read, or that does not suit
// its variable, is an error naming where it came from (a file and line, or
// the flag) and never quoting the value.
func TestVariableErrors(t *testing.T) {
	t.Parallel()
	const main = `
variable "tags" { type = map(string) }
variable "replicas" { type = number }
variable "secret" {
  type      = string
  sensitive = true
}
`
	tests := map[string]struct {
		files map[string]string
		vars  []Var
		want  []string
	}{
		"undeclared --var": {vars: []Var{{Name: "nope", Value: "x", Origin: "--var nope"}}, want: []string{`--var nope: the configuration declares no variable "nope"`}},
		"invalid HCL in --var": {vars: []Var{{Name: "tags", Value: "{team = ", Origin: "--var tags"}},
			want: []string{"--var tags: <value for var.tags>:1,"}},
		"--var of the wrong type": {vars: []Var{{Name: "replicas", Value: "three", Origin: "--var replicas"}},
			want: []string{`--var replicas: variable "replicas" needs a value of type number: a number is required`}},
		"a missing --var-file": {vars: []Var{{File: "no/such.tfvars"}}, want: []string{"variable definitions file no/such.tfvars: no such file"}},
		"a syntax error in a --var-file": {files: map[string]string{"env/prod.tfvars": "replicas = 3\ntags = {\n"}, vars: []Var{{File: "env/prod.tfvars"}},
			want: []string{"env/prod.tfvars:3,1: Missing expression"}},
		"a --var-file value of the wrong type": {files: map[string]string{"env/prod.tfvars": "replicas = 3\n\ntags = [\"a\"]\n"}, vars: []Var{{File: "env/prod.tfvars"}},
			want: []string{`env/prod.tfvars:3,8: Invalid value for variable: variable "tags" needs a value of type map of string: map of string required`}},
		"a syntax error in terraform.tfvars": {files: map[string]string{"terraform.tfvars": "replicas = = 3\n"}, want: []string{"terraform.tfvars:1,"}},
		"a secret of the wrong type is not quoted": {vars: []Var{{Name: "tags", Value: `"hunter2"`, Origin: "--var tags"}},
			want: []string{`--var tags: variable "tags" needs a value of type map of string`}},
		"every mistake at once": {vars: []Var{{Name: "nope", Value: "x", Origin: "--var nope"}, {Name: "replicas", Value: "x", Origin: "--var replicas"}},
			want: []string{"--var nope:", "--var replicas:"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.tf"), main)
			vars := tc.vars
			for f, text := range tc.files {
				write(t, filepath.Join(dir, f), text)
			}
			for i := range vars {
				if vars[i].File != "" && tc.files[vars[i].File] != "" {
					vars[i].File = filepath.Join(dir, vars[i].File)
				}
			}
			_, err := LoadWith(dir, Options{Vars: vars})
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error = %v, want it to contain %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error quotes the value: %v", err)
			}
		})
	}
}

// TestWorkspace: terraform.workspace is the workspace given, else unknown.
func TestWorkspace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `
locals {
  prod = terraform.workspace == "prod"
}
resource "aws_db_instance" "main" {
  identifier = "orders-${terraform.workspace}"
  multi_az   = local.prod
}
`)
	tests := map[string]struct {
		workspace string
		want      map[string]any // nil: unknown
	}{
		"given":     {workspace: "prod", want: map[string]any{"identifier": "orders-prod", "multi_az": true}},
		"not given": {},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, err := LoadWith(dir, Options{Workspace: tc.workspace})
			if err != nil {
				t.Fatal(err)
			}
			r := res.Plan.Lookup("aws_db_instance.main")
			for _, attr := range []string{"identifier", "multi_az"} {
				a := r.Attr(model.Step(attr))
				if tc.want == nil {
					if !a.Unknown {
						t.Errorf("%s = %v, want unknown", attr, a.Value)
					}
					continue
				}
				if a.Unknown || a.Value != tc.want[attr] {
					t.Errorf("%s = %v (unknown %t), want %v", attr, a.Value, a.Unknown, tc.want[attr])
				}
			}
		})
	}
}

// TestUnsetVariablesListedOnce: a root variable without a value is one
// warning, however many resources depend on it; a value from anywhere
// (default, file, given) removes it.
func TestUnsetVariablesListedOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "variables.tf"), `
variable "db_password" {
  type      = string
  sensitive = true
}

variable "env" {}

variable "from_file" {}

variable "given" {}

variable "region" { default = "eu-west-1" }
`)
	write(t, filepath.Join(dir, "main.tf"), `
resource "aws_db_instance" "a" {
  password   = var.db_password
  identifier = "a-${var.env}"
}
resource "aws_db_instance" "b" {
  password   = var.db_password
  identifier = "b-${var.env}"
}
module "app" {
  source = "./app"
  env    = var.env
}
`)
	write(t, filepath.Join(dir, "app", "main.tf"), "variable \"env\" {}\nvariable \"inner\" {}\nresource \"aws_instance\" \"web\" {\n  tags = { env = var.env }\n}\n")
	write(t, filepath.Join(dir, "terraform.tfvars"), "from_file = 1\n")
	res, err := LoadWith(dir, Options{Vars: []Var{{Name: "given", Value: "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "variables.tf") + ":2: variable db_password has no value: what depends on it is unknown",
		filepath.Join(dir, "variables.tf") + ":7: variable env has no value: what depends on it is unknown",
	}
	if diff := cmp.Diff(want, res.Plan.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	var names []string
	for _, u := range res.Unset {
		names = append(names, u.Name)
	}
	if diff := cmp.Diff([]string{"db_password", "env"}, names); diff != "" {
		t.Errorf("unset (-want +got):\n%s", diff)
	}
	if a := res.Plan.Lookup("aws_db_instance.b").Attr("identifier"); !a.Unknown {
		t.Errorf("identifier = %v, want unknown", a.Value)
	}
}

// TestVariableBareTypeKeywordsInJSON: the bare list and map keywords read
// in JSON syntax too, where every type constraint is a string.
func TestVariableBareTypeKeywordsInJSON(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf.json"), `{
  "variable": {
    "zones": {"type": "list", "default": ["a", "b"]},
    "tags":  {"type": "map", "default": {"team": "web"}}
  },
  "resource": {"test_thing": {"t": {"zones": "${var.zones}", "tags": "${var.tags}"}}}
}`)
	res, err := LoadWith(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Plan.Lookup("test_thing.t")
	got := map[string]any{"zones": r.Attr("zones").Value, "tags": r.Attr("tags").Value}
	want := map[string]any{"zones": []any{"a", "b"}, "tags": model.Object{{Name: "team", Value: "web"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}
