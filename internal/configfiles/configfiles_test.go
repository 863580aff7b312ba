package configfiles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{
		"variables.tf", "main.tf", "iam.tf.json",
		"override.tf", "db_override.tf", "z_override.tf.json",
		"main.tofu", "extra.tofu.json",
		".hidden.tf", "main.tf~", "#main.tf#", "#notes.tf",
		"terraform.tfvars", "README.md", "main.tftest.hcl", "overrides.tf",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "modules.tf"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Files{
		// Terraform reads #notes.tf: only #name# is an editor's file.
		Primary:  []string{"#notes.tf", "iam.tf.json", "main.tf", "overrides.tf", "variables.tf"},
		Override: []string{"db_override.tf", "override.tf", "z_override.tf.json"},
		OpenTofu: []string{"extra.tofu.json", "main.tofu"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := List(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing directory listed without error")
	}
}
