package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// hostile is text a plan or a configuration may hold: an OSC hyperlink,
// screen and colour escapes, BEL, NUL, CR, DEL, a C1 CSI, a bidi override,
// a byte that is not UTF-8, and workflow commands on lines of their own and
// in the legacy forms runners obey anywhere in a line.
const hostile = "x\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[2J\x00\r\x7f\u009b31m\u202eevil\xff\n" +
	"::add-mask::leak\n  ::error title=pwned::gotcha ##[stop-commands]tok ##vso[task.setvariable]"

// hostileReport is ciReport with the hostile text in every string that
// can come from a plan, a state, a .tf directory or a .readiness.hcl.
func hostileReport() *engine.Report {
	rep := ciReport()
	rep.Profile = "production" + hostile
	rep.Inputs[0].Path += hostile
	rep.Inputs[0].TerraformVersion += hostile
	for i := range rep.Results {
		r := &rep.Results[i]
		r.Title += hostile
		r.Message = hostile
		r.Input += hostile
		if r.Address != "" {
			r.Address += `["` + hostile + `"]`
		}
		r.Evidence = append(r.Evidence, check.Evidence{Attribute: "tags." + hostile, Value: hostile})
		r.Remediation += hostile
		r.Docs += "?" + hostile
	}
	rep.Errors = append(rep.Errors, "check x could not judge "+hostile)
	rep.Warnings = []string{"infra/main.tf:3: module.x (source \"" + hostile + "\") is not installed by terraform init"}
	rep.Manual = []engine.ManualItem{
		{Item: "load_tests" + hostile, Section: "load_tests", Title: "Load tests", Attested: true, By: hostile, On: "2026-01-31" + hostile, Note: hostile},
		{Item: "incident_drills" + hostile, Section: "on_call", Title: "Drills"},
	}
	return rep
}

// locateHostile places every resource in a file whose name is hostile.
func locateHostile(input, address string) (string, int, bool) {
	return "infra/" + hostile + ".tf", 7, true
}

// TestHostileTextInEveryFormat: whatever the report's strings hold, no
// format writes a raw control character, a bidi rune or a legacy workflow
// command, and no line starts a workflow command but the github format's
// own annotations.
func TestHostileTextInEveryFormat(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(name, Options{ToolVersion: "1.2.3", Locate: locateHostile})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf, hostileReport()); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if !utf8.ValidString(out) {
				t.Error("output is not valid UTF-8")
			}
			for i, r := range out {
				if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || isHidingRune(r) {
					t.Errorf("raw %U at byte %d: ...%q...", r, i, out[max(0, i-30):min(len(out), i+30)])
				}
			}
			for _, legacy := range []string{"##[", "##vso["} {
				if strings.Contains(out, legacy) {
					t.Errorf("output holds the legacy command %q", legacy)
				}
			}
			commands := 0
			for _, line := range strings.Split(out, "\n") {
				if !strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") {
					continue
				}
				if name == "github" && (strings.HasPrefix(line, "::error ") || strings.HasPrefix(line, "::warning ") || strings.HasPrefix(line, "::notice ")) {
					commands++
					continue
				}
				t.Errorf("a line starts a workflow command: %q", line)
			}
			if want := 3 + 2 + 1; name == "github" && commands != want { // failures, errors, then warnings
				t.Errorf("%d annotations, want %d", commands, want)
			}
			if !strings.Contains(out, "evil") || !strings.Contains(out, "leak") {
				t.Error("the hostile text is missing: it must be escaped, not dropped")
			}
		})
	}
}

// TestTextIndentsContinuationLines: a message, an evidence value and an
// error that span lines stay under their finding.
func TestTextIndentsContinuationLines(t *testing.T) {
	t.Parallel()
	rep := readyReport()
	rep.Results[0].Message = "first\nsecond"
	rep.Results[0].Evidence = []check.Evidence{{Attribute: "policy", Value: "{\n  \"a\": 1\n}"}}
	rep.Errors = []string{"check x failed:\nline two"}
	var buf bytes.Buffer
	if err := (textFormat{}).Write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n" + detailIndent + "first\n" + detailIndent + "second\n",
		"\n" + detailIndent + "policy = {\n" + evidenceIndent + "  \"a\": 1\n" + evidenceIndent + "}\n",
		"\n  check x failed:\n" + errorIndent + "line two\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
}
