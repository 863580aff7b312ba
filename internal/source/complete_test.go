package source

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestCompleteLeavesSharedExpressionsAlone: the model keeps one copy of
// each simple expression its resources repeat, so adding one resource's
// dynamic blocks must not add them to the others.
func TestCompleteLeavesSharedExpressionsAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tf := `
resource "aws_security_group" "dynamic" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value
    }
  }
}

resource "aws_security_group" "static" {
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o644); err != nil {
		t.Fatal(err)
	}
	// Both resources' configurations hold the same simple expression
	// under the dynamic block's name.
	plan := `{"format_version": "1.2", "terraform_version": "1.8.5",
  "resource_changes": [
    {"address": "aws_security_group.dynamic", "mode": "managed", "type": "aws_security_group", "name": "dynamic",
     "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}}},
    {"address": "aws_security_group.static", "mode": "managed", "type": "aws_security_group", "name": "static",
     "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_security_group.dynamic", "mode": "managed", "type": "aws_security_group", "name": "dynamic",
     "expressions": {"ingress": {"references": ["var.rules"]}}},
    {"address": "aws_security_group.static", "mode": "managed", "type": "aws_security_group", "name": "static",
     "expressions": {"ingress": {"references": ["var.rules"]}}}
  ]}}}`
	p, err := model.Decode("plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	locs, err := Index(dir)
	if err != nil {
		t.Fatal(err)
	}
	locs.Complete(p)
	blocks := func(address string) int {
		return len(p.Lookup(address).ConfigExpr("ingress").Blocks())
	}
	if got := blocks("aws_security_group.dynamic"); got != 1 {
		t.Errorf("aws_security_group.dynamic has %d ingress block(s), want its dynamic one", got)
	}
	if got := blocks("aws_security_group.static"); got != 0 {
		t.Errorf("aws_security_group.static has %d ingress block(s), want none: the other resource's dynamic block was added to an expression they share", got)
	}
}
