package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// dumpCheck is as careless as a check can be: it puts every resource's
// whole planned value, and each attribute, in its evidence. Redaction must
// still hold.
var dumpCheck = check.Check{
	Meta: check.Meta{
		ID: "test_dump_everything", Title: "Dump", Section: "security", Category: "access_control",
		Severity: check.SeverityHigh, ResourceTypes: []string{"aws_db_instance", "aws_secretsmanager_secret_version"},
		Description: "d", Remediation: "r",
	},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, r := range p.Resources {
			ev := []check.Evidence{{Attribute: "(all)", Value: p.Show(r, r.Attr())}}
			for _, name := range []string{"password", "tags", "master_user_secret", "secret_string"} {
				ev = append(ev, check.Evidence{Attribute: name, Value: p.Show(r, r.Attr(name))})
			}
			out = append(out, check.Finding{Address: r.Address, Status: check.StatusFail, Message: "dumped", Evidence: ev})
		}
		return out
	},
}

// TestNoSensitiveValueInAnyFormat scans a plan holding canary secrets in
// every place a plan can hold them (after and before with their sensitive
// marks, nested lists and maps, a whole-object mark, a sensitive variable's
// value in a plan without marks, sensitive outputs, planned_values, prior
// state and data sources) and writes every format: no canary may appear in
// any output or on stderr.
func TestNoSensitiveValueInAnyFormat(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	args := []string{"scan", "--fail-on", "none"}
	for _, name := range report.Names() {
		args = append(args, "--format", name+"="+filepath.Join(dir, "report."+name))
	}
	args = append(args, "--format", "text", "testdata/canaries.json")
	cat := catalogue{
		all:  func() []check.Check { return append(checks.All(), dumpCheck) },
		byID: checks.ByID,
	}
	var stdout, stderr bytes.Buffer
	if code := runWith(args, &stdout, &stderr, cat); code != ExitReady {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	outputs := map[string]string{"stdout": stdout.String(), "stderr": stderr.String()}
	for _, name := range report.Names() {
		data, err := os.ReadFile(filepath.Join(dir, "report."+name))
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = string(data)
	}
	if !strings.Contains(outputs["json"], model.Redacted) {
		t.Fatal("the dump check's evidence is missing: the test would prove nothing")
	}
	// Every canary starts "CANARY-"; a bare "CANARY" is a word checks use
	// (the ECS deployment strategy) and may appear in rule descriptions.
	for where, text := range outputs {
		if i := strings.Index(text, "CANARY-"); i >= 0 {
			t.Errorf("%s leaks a sensitive value: ...%s...", where, text[max(0, i-40):min(len(text), i+40)])
		}
	}
}
