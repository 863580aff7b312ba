package hclconfig

import (
	"bytes"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// TestSensitiveValuesNeverPrinted scans a directory that holds sensitive()
// values in locals, provider settings, module inputs, variable defaults and
// outputs with the whole catalogue, and writes every format: no value
// marked KANARY may appear, although the checks read and judge them.
func TestSensitiveValuesNeverPrinted(t *testing.T) {
	t.Parallel()
	res := load(t, "testdata/sensitive")
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{res.Plan}, checks.All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	if len(rep.Results) < 20 {
		t.Fatalf("only %d results: the test would prove little", len(rep.Results))
	}
	outputs := map[string]string{"warnings": strings.Join(res.Warnings, "\n")}
	for _, name := range report.Names() {
		f, err := report.Lookup(name, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := f.Write(&b, rep); err != nil {
			t.Fatal(err)
		}
		outputs[name] = b.String()
	}
	for where, text := range outputs {
		if i := strings.Index(text, "KANARY"); i >= 0 {
			t.Errorf("%s leaks a sensitive value: …%s…", where, text[max(0, i-60):min(len(text), i+40)])
		}
	}
	if !strings.Contains(outputs["json"], model.Redacted) {
		t.Error("no evidence says (sensitive): the checks did not read the values")
	}
}
