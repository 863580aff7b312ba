package hclconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestForEachKeysWrittenAsTerraform writes the instance keys of a directory
// scan as Terraform writes them in plans (an HCL string: template
// introducers doubled, non-ASCII as it is), so that each address reads back
// to its resource's own key and module, as a plan's does; Go's quoting
// (\x.., \u.., a bare ${) would give addresses HCL cannot read.
func TestForEachKeysWrittenAsTerraform(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `
locals {
  keys = toset(["plain", "a$${b}", "a%%{c}", "tab\there", "quote\"and\\slash", "é-ü", "line\nbreak"])
}
module "m" {
  source   = "./m"
  for_each = local.keys
}
resource "aws_s3_bucket" "b" {
  for_each = local.keys
  bucket   = "x"
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "m"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "m", "main.tf"), []byte(`resource "aws_sqs_queue" "q" {}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := load(t, dir).Plan
	want := map[string]bool{"plain": true, "a${b}": true, "a%{c}": true, "tab\there": true, "quote\"and\\slash": true, "é-ü": true, "line\nbreak": true}
	got := map[string]map[string]bool{"aws_s3_bucket": {}, "aws_sqs_queue": {}}
	for _, r := range p.Resources {
		addr, err := model.ParseAddress(r.Address)
		if err != nil {
			t.Errorf("%s: HCL cannot read the address: %v", r.Address, err)
			continue
		}
		if addr.String() != r.Address {
			t.Errorf("%s reads back as %s", r.Address, addr.String())
		}
		switch r.Type {
		case "aws_s3_bucket":
			k, _ := r.Index.(string)
			got[r.Type][k] = true
			if s := addr.Key().String(); s != model.StringKey(k).String() {
				t.Errorf("%s: key %s, want %s", r.Address, s, model.StringKey(k).String())
			}
		case "aws_sqs_queue":
			steps, err := model.SplitAddress(r.ModuleAddress)
			if err != nil || len(steps) != 2 {
				t.Errorf("%s: module address %q: %v", r.Address, r.ModuleAddress, err)
				continue
			}
			got[r.Type][r.ModuleAddress] = true
		}
	}
	if diff := cmp.Diff(want, got["aws_s3_bucket"]); diff != "" {
		t.Errorf("bucket keys (-want +got):\n%s", diff)
	}
	if len(got["aws_sqs_queue"]) != len(want) {
		t.Errorf("queues in %d module instances, want %d: %v", len(got["aws_sqs_queue"]), len(want), got["aws_sqs_queue"])
	}
}
