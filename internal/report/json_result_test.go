package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// TestAppendResultMatchesEncodingJSON holds the hand-written result encoder
// to the bytes encoding/json writes, then safeJSON, on awkward strings.
func TestAppendResultMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	strs := []string{"", "plain", `quo"te\back`, "tab\tnew\nline\r\b\f\x00\x1f", "<html>&amp;", "é😀", "bad\xffutf8\xc3", "line\u2028sep\u2029", `module.app["blue"].x[0]`,
		"del\x7f c1\u009b\u0085 bidi\u202e\u2066\u200f\u061c ##[add-mask]x ##vso[y] ##", "#"}
	for i, s := range strs {
		evs := [][]check.Evidence{nil, {}, {{Attribute: s, Value: s}}, {{Attribute: "a", Value: "b"}, {Attribute: s, Value: "(sensitive)"}}}
		for j, ev := range evs {
			// Every change, and none (an input without a prior world).
			change := []engine.Change{"", engine.ChangeIntroduced, engine.ChangeExisting, engine.ChangeResolved, engine.ChangeUnchanged}[(i+j)%5]
			r := engine.Result{CheckID: s, Title: s, Section: "security", Category: "c", Severity: check.SeverityCritical, Status: check.StatusFail,
				Input: s, Address: s, ResourceType: s, Message: s, Evidence: nonNil(ev), Remediation: s, Docs: s, Change: change}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("    ", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			got := appendResult(nil, r)
			if string(got) != string(safeJSON(bytes.TrimSuffix(want.Bytes(), []byte("\n")))) {
				t.Errorf("string %d, evidence %d:\n got %s\nwant %s", i, j, got, want.Bytes())
			}
		}
	}
}
