package config

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestDocsExamples parses every configuration example in
// docs/configuration.md (the tag examples aside) and checks its names
// against the catalogue.
func TestDocsExamples(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```hcl\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d examples", len(blocks))
	}
	for i, b := range blocks {
		src := b[1]
		if strings.HasPrefix(src, "tags = ") {
			continue
		}
		c, diags := Parse([]byte(src), "example.hcl")
		if diags.HasErrors() {
			t.Errorf("example %d does not parse: %v\n%s", i+1, diags, src)
			continue
		}
		if diags := c.Validate(checks.All()); diags.HasErrors() {
			t.Errorf("example %d names unknown checks: %v\n%s", i+1, diags, src)
		}
	}
}
