package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestRealPlansWithCatalogue scans each real plan in ../shared/fixtures/real
// with the whole catalogue, as a user would: every one must be judged
// (exit 0 or 2), with nothing on stderr and no check error in the report.
func TestRealPlansWithCatalogue(t *testing.T) {
	t.Parallel()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "fixtures", "real", "*.json"))
	if len(paths) == 0 {
		t.Skip("../shared/fixtures/real is absent: real plans not tested")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := Run([]string{"scan", "--format", "json", path}, &stdout, &stderr)
			if code != ExitReady && code != ExitNotReady {
				t.Fatalf("exit %d, want 0 or 2; stderr: %s", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			var doc struct {
				Summary struct{ Ready bool } `json:"summary"`
				Results []json.RawMessage    `json:"results"`
				Errors  []string             `json:"errors"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			if len(doc.Errors) > 0 {
				t.Errorf("check errors: %v", doc.Errors)
			}
			if len(doc.Results) == 0 {
				t.Error("no results: the catalogue judged nothing")
			}
			if doc.Summary.Ready != (code == ExitReady) {
				t.Errorf("summary.ready = %v but exit code %d", doc.Summary.Ready, code)
			}
		})
	}
}
