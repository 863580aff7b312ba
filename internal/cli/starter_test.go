package cli

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/config"
)

// TestStarterChangesNoResult scans every example (each plan and each
// directory of .tf files under examples/) with the whole catalogue, once
// without a configuration and once with the starter 'readiness init'
// writes: the docs promise it changes nothing but the defaults it states,
// which are the defaults already. No .readiness.hcl lies between this
// package and the repository's root, so the first scan has none.
func TestStarterChangesNoResult(t *testing.T) {
	t.Parallel()
	starter := filepath.Join(t.TempDir(), ".readiness.hcl")
	if err := os.WriteFile(starter, []byte(config.Starter), 0o600); err != nil {
		t.Fatal(err)
	}
	inputs := exampleInputs(t)
	if len(inputs) < 5 {
		t.Fatalf("only %d example inputs found: %v", len(inputs), inputs)
	}
	judged := 0
	for _, input := range inputs {
		t.Run(filepath.ToSlash(input), func(t *testing.T) {
			without := scanExample(t, input)
			with := scanExample(t, "--config", starter, input)
			if diff := cmp.Diff(without, with); diff != "" {
				t.Errorf("the starter changes the report (-without +with):\n%s", diff)
			}
		})
		if len(scanExample(t, input).Results) > 0 {
			judged++
		}
	}
	// The comparison means something only where the catalogue judged
	// something: the plans and the webapp and readiness_config/infra roots.
	if judged < 4 {
		t.Errorf("only %d examples have results", judged)
	}
}

// starterView is what a scan reports, less what names the configuration.
type starterView struct {
	Code    int
	Summary json.RawMessage
	Results json.RawMessage
	Manual  json.RawMessage
	Errors  json.RawMessage
}

func scanExample(t *testing.T, args ...string) starterView {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(append([]string{"scan", "--format", "json"}, args...), &stdout, &stderr)
	if code != ExitReady && code != ExitNotReady {
		t.Fatalf("scan %v: exit %d: %s", args, code, stderr.String())
	}
	var doc struct {
		Summary json.RawMessage `json:"summary"`
		Results json.RawMessage `json:"results"`
		Manual  json.RawMessage `json:"manual"`
		Errors  json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("scan %v: report is not JSON: %v", args, err)
	}
	return starterView{Code: code, Summary: doc.Summary, Results: doc.Results, Manual: doc.Manual, Errors: doc.Errors}
}

// exampleInputs lists every plan JSON and every directory holding .tf
// files under examples/.
func exampleInputs(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..", "examples")
	seen := map[string]bool{}
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		input := ""
		switch {
		case strings.HasSuffix(path, ".tf"):
			input = filepath.Dir(path)
		case filepath.Base(path) == "plan.json":
			input = path
		}
		if input != "" && !seen[input] {
			seen[input] = true
			out = append(out, input)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
