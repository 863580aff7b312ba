package runtask_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyyaml "github.com/zclconf/go-cty-yaml"
)

const guide = "../../templates/guides/hcp-terraform-run-task.md.tmpl"

var fenced = regexp.MustCompile("(?ms)^```(hcl|yaml)\n(.*?)^```")

// TestRunTaskGuideSnippets: the guide's HCL and YAML parse.
func TestRunTaskGuideSnippets(t *testing.T) {
	t.Parallel()
	text := string(readFile(t, guide))
	blocks := fenced.FindAllStringSubmatch(text, -1)
	if len(blocks) < 2 {
		t.Fatalf("%d snippets found, want the tfe provider's and the Deployment", len(blocks))
	}
	for _, b := range blocks {
		switch b[1] {
		case "hcl":
			if _, diags := hclsyntax.ParseConfig([]byte(b[2]), "guide.tf", hcl.InitialPos); diags.HasErrors() {
				t.Errorf("HCL snippet: %s", diags.Error())
			}
		case "yaml":
			if _, err := ctyyaml.Standard.ImpliedType([]byte(b[2])); err != nil {
				t.Errorf("YAML snippet: %v", err)
			}
		}
	}
}

// TestRunTaskGuideNamesEveryMetric: the guide's metrics table names every
// metric the server exports.
func TestRunTaskGuideNamesEveryMetric(t *testing.T) {
	t.Parallel()
	h := start(t, nil)
	text := string(readFile(t, guide))
	b, err := getBody(h.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b, "\n") {
		name, ok := strings.CutPrefix(line, "# TYPE ")
		if !ok || !strings.HasPrefix(name, "readiness_") {
			continue
		}
		name, _, _ = strings.Cut(name, " ")
		if !strings.Contains(text, "`"+name) {
			t.Errorf("the guide does not name %s", name)
		}
	}
	if _, err := os.Stat("../../docs/guides/hcp-terraform-run-task.md"); err != nil {
		t.Errorf("the rendered guide: %v", err)
	}
}
