package hclconfig

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestUnreadModules: every module call that cannot be read fails the load,
// all of them named at once with their file, line and source, and what to
// do; with SkipUnreadModules each is a warning and the rest is read.
func TestUnreadModules(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		files map[string]string
		want  []UnreadModule // Problem: a prefix
	}{
		"registry and git modules not installed": {
			files: map[string]string{
				"main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n\nmodule \"eks\" {\n  source  = \"terraform-aws-modules/eks/aws\"\n  version = \"~> 20.0\"\n}\n",
				"vpc.tf":  "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git?ref=v1\"\n}\n",
			},
			want: []UnreadModule{
				{Address: "module.eks", Source: "terraform-aws-modules/eks/aws", File: "main.tf", Line: 3, Problem: "is not installed by terraform init", Fix: "run terraform init in DIR"},
				{Address: "module.vpc", Source: "git::https://example.com/vpc.git?ref=v1", File: "vpc.tf", Line: 1, Problem: "is not installed by terraform init", Fix: "run terraform init in DIR"},
			},
		},
		"a local source that is not there": {
			files: map[string]string{"main.tf": "module \"db\" {\n  source = \"./modules/dbb\"\n}\n", "modules/db/main.tf": "resource \"aws_db_instance\" \"this\" {}\n"},
			want:  []UnreadModule{{Address: "module.db", Source: "./modules/dbb", File: "main.tf", Line: 1, Problem: "cannot be read: modules/dbb: no such directory", Fix: "correct its source"}},
		},
		"a local module with a syntax error": {
			files: map[string]string{"main.tf": "module \"db\" {\n  source = \"./modules/db\"\n}\n", "modules/db/main.tf": "resource \"aws_db_instance\" \"this\" {\n  engine = \n}\n"},
			want:  []UnreadModule{{Address: "module.db", Source: "./modules/db", File: "main.tf", Line: 1, Problem: "cannot be read: modules/db/main.tf:2,", Fix: "fix the module's files"}},
		},
		"a local directory without configuration": {
			files: map[string]string{"main.tf": "module \"db\" {\n  source = \"./modules\"\n}\n", "modules/README.md": "nothing here\n"},
			want:  []UnreadModule{{Address: "module.db", Source: "./modules", File: "main.tf", Line: 1, Problem: "cannot be read: modules: is a directory without Terraform configuration files", Fix: "correct its source"}},
		},
		"a call inside a local module, once for every instance": {
			files: map[string]string{
				"main.tf":             "module \"app\" {\n  source   = \"./modules/app\"\n  for_each = toset([\"blue\", \"green\"])\n}\n",
				"modules/app/main.tf": "resource \"aws_instance\" \"web\" {}\n\nmodule \"rds\" {\n  source = \"terraform-aws-modules/rds/aws\"\n}\n",
			},
			want: []UnreadModule{{Address: "module.app.module.rds", Source: "terraform-aws-modules/rds/aws", File: "modules/app/main.tf", Line: 3, Problem: "is not installed by terraform init", Fix: "run terraform init in DIR"}},
		},
		"installed, then removed": {
			files: map[string]string{
				"main.tf":                         "module \"db\" {\n  source = \"example/db/aws\"\n}\n",
				".terraform/modules/modules.json": `{"Modules":[{"Key":"db","Source":"registry.terraform.io/example/db/aws","Dir":".terraform/modules/db"}]}`,
			},
			want: []UnreadModule{{Address: "module.db", Source: "example/db/aws", File: "main.tf", Line: 1, Problem: "cannot be read: .terraform/modules/db: no such directory", Fix: "run terraform init in DIR again"}},
		},
		"a module that calls itself": {
			files: map[string]string{"main.tf": "module \"self\" {\n  source = \"./\"\n}\n"},
			want: []UnreadModule{{Address: strings.Repeat("module.self.", maxDepth) + "module.self", Source: "./", File: "main.tf", Line: 1,
				Problem: "is nested more than 32 module calls deep (does a module call itself?)"}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for f, text := range tc.files {
				write(t, filepath.Join(dir, f), text)
			}
			for i := range tc.want {
				tc.want[i].Fix = strings.ReplaceAll(tc.want[i].Fix, "DIR", dir)
			}
			prefix := cmp.Comparer(func(want, got string) bool { return strings.HasPrefix(got, want) || strings.HasPrefix(want, got) })
			opts := []cmp.Option{cmpopts.IgnoreUnexported(UnreadModule{}), cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Problem" }, prefix)}

			_, err := Load(dir)
			var unread *UnreadError
			if !errors.As(err, &unread) {
				t.Fatalf("error = %v, want an *UnreadError", err)
			}
			if diff := cmp.Diff(tc.want, unread.Modules, opts...); diff != "" {
				t.Errorf("unread modules (-want +got):\n%s", diff)
			}
			for _, u := range tc.want {
				if !strings.Contains(err.Error(), u.File+":") || !strings.Contains(err.Error(), `(source "`+u.Source+`")`) {
					t.Errorf("the error does not name %s:%d and its source: %v", u.File, u.Line, err)
				}
			}

			res, err := LoadWith(dir, Options{SkipUnreadModules: true})
			if err != nil {
				t.Fatalf("with SkipUnreadModules: %v", err)
			}
			if diff := cmp.Diff(tc.want, res.Unread, opts...); diff != "" {
				t.Errorf("Result.Unread (-want +got):\n%s", diff)
			}
			var warnings []string
			for _, u := range res.Unread {
				warnings = append(warnings, u.Warning())
				if !strings.HasPrefix(u.Warning(), filepath.Join(dir, u.File)+":") || !strings.Contains(u.Warning(), "not read, so the verdict does not cover its resources") {
					t.Errorf("warning = %q", u.Warning())
				}
			}
			if diff := cmp.Diff(warnings, res.Plan.Warnings); diff != "" || !cmp.Equal(res.Warnings, res.Plan.Warnings) {
				t.Errorf("plan warnings (-want +got):\n%s\nresult warnings: %q", diff, res.Warnings)
			}
		})
	}
}

// TestUnreadModulesKeepTheRest: with SkipUnreadModules, what could be read
// is judged, and the warning names files as the directory was given.
func TestUnreadModulesKeepTheRest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "infra", "main.tf"), `
resource "aws_db_instance" "main" {
  multi_az = true
}

module "eks" {
  source = "terraform-aws-modules/eks/aws"
}
`)
	res, err := LoadWith(filepath.Join(dir, "infra"), Options{SkipUnreadModules: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"aws_db_instance.main"}, addresses(res.Plan)); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	want := []string{filepath.Join(dir, "infra", "main.tf") + `:6: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: ` +
		"not read, so the verdict does not cover its resources (to read it, run terraform init in " + filepath.Join(dir, "infra") + ")"}
	if diff := cmp.Diff(want, res.Plan.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
