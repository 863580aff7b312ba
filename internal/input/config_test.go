package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
)

// TestReadConfigDirectory: a directory is read with the Reader's options;
// each module call it cannot read is an error of its own, unless skipped,
// when the plan carries the warnings.
func TestReadConfigDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(`
variable "env" {}

resource "aws_s3_bucket" "b" {
  bucket = "logs-${var.env}"
}

module "eks" {
  source = "terraform-aws-modules/eks/aws"
}

module "db" {
  source = "./db"
}
`), 0o644); err != nil {
		t.Fatal(err)
	}

	_, err := Read(dir)
	if err == nil {
		t.Fatal("no error")
	}
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	want := []string{
		"read " + dir + `: main.tf:8: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: run terraform init in ` + dir + ", or pass --skip-unread-modules to judge the rest without it",
		"read " + dir + `: main.tf:12: module.db (source "./db") cannot be read: db: no such directory: correct its source, or pass --skip-unread-modules to judge the rest without it`,
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	p, err := Reader{Config: hclconfig.Options{SkipUnreadModules: true, Vars: []hclconfig.Var{{Name: "env", Value: "prod"}}}}.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != 2 || !strings.Contains(p.Warnings[0], "module.eks") || !strings.Contains(p.Warnings[1], "module.db") {
		t.Errorf("warnings = %q", p.Warnings)
	}
	if s, _ := p.Lookup("aws_s3_bucket.b").Attr("bucket").Str(); s != "logs-prod" {
		t.Errorf("bucket = %q", s)
	}
}
