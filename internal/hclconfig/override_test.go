package hclconfig

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestOverridesAsTerraform reads testdata/overrides, whose override.tf and
// z_override.tf.json change a variable's default, local values, a
// resource's arguments and another's count, and compares every
// terraform_data input with what the real terraform plan makes of the
// same directory.
func TestOverridesAsTerraform(t *testing.T) {
	t.Parallel()
	tf := terraformBinary(t)
	dir := t.TempDir()
	for _, name := range []string{"main.tf", "override.tf", "z_override.tf.json"} {
		src, err := os.ReadFile(filepath.Join("testdata", "overrides", name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, name), string(src))
	}
	theirs := terraformPlanInputs(t, tf, dir)
	if len(theirs) != 4 {
		t.Fatalf("terraform plans %d instances, want 4: %v", len(theirs), theirs)
	}
	res := load(t, dir)
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	ours := map[string]any{}
	for _, r := range res.Plan.Resources {
		ours[r.Address] = r.Attr("input").Value
	}
	if diff := cmp.Diff(theirs, ours); diff != "" {
		t.Errorf("inputs (-terraform +this reader):\n%s", diff)
	}
}

// terraformPlanInputs plans dir with the real Terraform and returns each
// terraform_data instance's planned input, as this reader's values.
func terraformPlanInputs(t *testing.T, tf, dir string) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cli := filepath.Join(t.TempDir(), "terraformrc")
	write(t, cli, "")
	run := func(args ...string) []byte {
		cmd := exec.CommandContext(ctx, tf, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cli, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("terraform %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		return stdout.Bytes()
	}
	run("init", "-input=false", "-no-color")
	run("plan", "-input=false", "-no-color", "-out=tfplan")
	plan, err := model.Decode("plan.json", run("show", "-json", "tfplan"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	for _, r := range plan.Resources {
		out[r.Address] = r.Attr("input").Value
	}
	if len(out) == 0 {
		raw, _ := json.Marshal(plan.Resources)
		t.Fatalf("no resource in terraform's plan: %s", raw)
	}
	return out
}

// TestOverrideMerging: what terraform_data cannot show: nested blocks (an
// override's blocks of a type replace all of the base's, dynamic ones
// too), provider configurations by alias, and the errors of an override
// with nothing to change.
func TestOverrideMerging(t *testing.T) {
	t.Parallel()
	const main = `
provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
variable "ports" {
  default = [80, 443]
}
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port = 22
    to_port   = 22
  }
  ingress {
    from_port = 80
    to_port   = 80
  }
  egress {
    from_port = 0
    to_port   = 0
  }
}
resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
      to_port   = ingress.value
    }
  }
}
resource "aws_s3_bucket" "replica" {
  provider = aws.west
  bucket   = "replica"
}
`
	tests := map[string]struct {
		override string
		check    func(t *testing.T, p *model.Plan)
		err      string
	}{
		"nested blocks of a type replaced, others kept": {
			override: `resource "aws_security_group" "web" {
  ingress {
    from_port = 443
    to_port   = 443
  }
}`,
			check: func(t *testing.T, p *model.Plan) {
				r := p.Lookup("aws_security_group.web")
				if got := r.Attr("ingress").List(); len(got) != 1 || fmt.Sprint(r.Attr("ingress", 0, "from_port").Value) != "443" {
					t.Errorf("ingress = %v, want the override's one block", got)
				}
				if len(r.Attr("egress").List()) != 1 {
					t.Errorf("egress = %v, want the base's block", r.Attr("egress").Value)
				}
				if name, _ := r.Attr("name").Str(); name != "web" {
					t.Errorf("name = %q, want the base's", name)
				}
			},
		},
		"a dynamic block replaced": {
			override: `resource "aws_security_group" "dyn" {
  ingress {
    from_port = 8080
    to_port   = 8080
  }
}`,
			check: func(t *testing.T, p *model.Plan) {
				r := p.Lookup("aws_security_group.dyn")
				if got := r.Attr("ingress").List(); len(got) != 1 || fmt.Sprint(r.Attr("ingress", 0, "from_port").Value) != "8080" {
					t.Errorf("ingress = %v, want the override's one block", got)
				}
			},
		},
		"a provider by its alias": {
			override: `provider "aws" {
  alias  = "west"
  region = "us-east-1"
}`,
			check: func(t *testing.T, p *model.Plan) {
				if region, _ := p.Region(p.Lookup("aws_s3_bucket.replica")); region != "us-east-1" {
					t.Errorf("region = %q, want the override's", region)
				}
			},
		},
		"no such resource": {
			override: `resource "aws_s3_bucket" "missing" { bucket = "x" }`,
			err:      "main_override.tf:1,1: Missing base resource to override",
		},
		"no such local": {
			override: `locals { missing = 1 }`,
			err:      "main_override.tf:1,10: Missing base local value definition to override",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, filepath.Join(dir, "main.tf"), main)
			write(t, filepath.Join(dir, "main_override.tf"), tc.override)
			res, err := LoadWith(dir, Options{})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, res.Plan)
		})
	}
}
