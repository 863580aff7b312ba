package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fatih/color"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// textFormat writes the report for people: a one-line scorecard, then each
// checklist section with its failures (most severe first) and unknowns.
// Passes are counted, not listed. A finding names the file and line that
// declare its resource when Options.Locate knows them.
type textFormat struct {
	opts Options
}

// detailIndent lines up a finding's message and evidence under its check ID:
// two spaces, the status (7), two, the severity (8), two. Continuation
// lines of an evidence value go further in, and those of an error under
// its first line, so that no text from a plan ever starts a line.
var (
	detailIndent   = strings.Repeat(" ", 2+7+2+8+2)
	evidenceIndent = detailIndent + "    "
	errorIndent    = "    "
)

func (f textFormat) Write(w io.Writer, rep *engine.Report) error {
	p := newPalette(f.opts.Color)
	var b bytes.Buffer
	s := rep.Summary

	verdict := p.ready.Sprint("READY")
	if !s.Ready {
		verdict = p.notReady.Sprint("NOT READY")
	}
	fmt.Fprintf(&b, "%s  score %d/100  fail %d  pass %d  unknown %d  waived %d  (fail-on %s, profile %s)\n",
		verdict, s.Score, s.Fail, s.Pass, s.Unknown, s.Waived, rep.FailOn, safeLine(rep.Profile))
	if len(rep.Warnings) > 0 {
		fmt.Fprintf(&b, "%s: the verdict covers only what was read and known\n", p.unknown.Sprintf("warnings (%d)", len(rep.Warnings)))
		for _, w := range rep.Warnings {
			fmt.Fprintf(&b, "  %s\n", indented(w, errorIndent))
		}
	}
	if len(rep.Inputs) > 0 {
		names := make([]string, len(rep.Inputs))
		for i, in := range rep.Inputs {
			names[i] = safeLine(describeInput(in))
		}
		fmt.Fprintf(&b, "inputs: %s\n", strings.Join(names, ", "))
	}
	if len(rep.Results) == 0 {
		b.WriteString("\nNo check applied to these inputs.\n")
	}

	bySection := map[string][]engine.Result{}
	for _, r := range rep.Results {
		bySection[r.Section] = append(bySection[r.Section], r)
	}
	showInput := len(rep.Inputs) > 1
	for _, sec := range s.Sections {
		fmt.Fprintf(&b, "\n%s  score %d/100  fail %d  pass %d  unknown %d\n",
			p.section.Sprint(safeLine(sec.Section)), sec.Score, sec.Fail, sec.Pass, sec.Unknown)
		results := bySection[sec.Section]
		fails := filter(results, check.StatusFail)
		slices.SortStableFunc(fails, func(a, b engine.Result) int { return int(b.Severity) - int(a.Severity) })
		listed := append(fails, filter(results, check.StatusUnknown)...)
		for _, r := range append(listed, filter(results, check.StatusWaived)...) {
			writeFinding(&b, p, r, showInput, f.opts)
		}
	}
	writeManual(&b, p, rep.Manual)

	if len(rep.Errors) > 0 {
		fmt.Fprintf(&b, "\n%s\n", p.errors.Sprintf("errors (%d)", len(rep.Errors)))
		for _, e := range rep.Errors {
			fmt.Fprintf(&b, "  %s\n", indented(e, errorIndent))
		}
	}
	if s.Fail+s.Unknown > 0 {
		b.WriteString("\nRun `readiness explain CHECK_ID` for why a check matters and how to fix it.\n")
	}
	_, err := w.Write(guardLines(b.Bytes(), `\x3a`))
	return err
}

func writeFinding(b *bytes.Buffer, p palette, r engine.Result, showInput bool, opts Options) {
	status, statusColor := "FAIL", p.fail
	switch r.Status {
	case check.StatusUnknown:
		status, statusColor = "UNKNOWN", p.unknown
	case check.StatusWaived:
		status, statusColor = "WAIVED", p.evidence
	}
	where := safeLine(r.Address)
	if where == "" {
		where = "(whole plan)"
	}
	if file, line, ok := opts.location(r); ok {
		where += fmt.Sprintf("  at %s:%d", safeLine(file), line)
	}
	if showInput {
		where += "  in " + safeLine(r.Input)
	}
	fmt.Fprintf(b, "  %s  %s  %s  %s\n",
		statusColor.Sprintf("%-7s", status), p.severity(r.Severity).Sprintf("%-8s", r.Severity), safeLine(r.CheckID), where)
	if r.Message != "" {
		fmt.Fprintf(b, "%s%s\n", detailIndent, indented(r.Message, detailIndent))
	}
	for _, e := range r.Evidence {
		fmt.Fprintf(b, "%s%s\n", detailIndent, p.evidence.Sprintf("%s = %s", safeLine(e.Attribute), indented(e.Value, evidenceIndent)))
	}
}

// indented is s made safe, its continuation lines indented by indent.
func indented(s, indent string) string {
	s = safeText(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// writeManual lists the checklist items no plan can show: each attested one
// with who attested it and when, then the keys of the others on one line.
func writeManual(b *bytes.Buffer, p palette, items []engine.ManualItem) {
	if len(items) == 0 {
		return
	}
	var open []string
	var done []engine.ManualItem
	for _, m := range items {
		if m.Attested {
			done = append(done, m)
		} else {
			open = append(open, safeLine(m.Item))
		}
	}
	fmt.Fprintf(b, "\n%s  attested %d of %d\n", p.section.Sprint("manual checklist items"), len(done), len(items))
	for _, m := range done {
		fmt.Fprintf(b, "  attested      %s  by %s on %s\n", safeLine(m.Item), safeLine(m.By), safeLine(m.On))
	}
	if len(open) > 0 {
		fmt.Fprintf(b, "  %s  %s\n", p.unknown.Sprint("not attested"), strings.Join(open, ", "))
	}
}

func describeInput(in engine.Input) string {
	facts := []string{}
	if in.Kind != "" {
		facts = append(facts, in.Kind)
	}
	if in.TerraformVersion != "" {
		facts = append(facts, "terraform "+in.TerraformVersion)
	}
	if len(facts) == 0 {
		return in.Path
	}
	return in.Path + " (" + strings.Join(facts, ", ") + ")"
}

func filter(rs []engine.Result, status check.Status) []engine.Result {
	var out []engine.Result
	for _, r := range rs {
		if r.Status == status {
			out = append(out, r)
		}
	}
	return out
}

// palette holds the text format's colours, all disabled unless the output is
// a terminal.
type palette struct {
	ready, notReady, section, fail, unknown, evidence, errors *color.Color
	critical, high, medium, low                               *color.Color
}

func newPalette(enabled bool) palette {
	p := palette{
		ready:    color.New(color.FgGreen, color.Bold),
		notReady: color.New(color.FgRed, color.Bold),
		section:  color.New(color.Bold),
		fail:     color.New(color.FgRed),
		unknown:  color.New(color.FgYellow),
		evidence: color.New(color.Faint),
		errors:   color.New(color.FgRed),
		critical: color.New(color.FgRed, color.Bold),
		high:     color.New(color.FgRed),
		medium:   color.New(color.FgYellow),
		low:      color.New(color.FgCyan),
	}
	for _, c := range []*color.Color{p.ready, p.notReady, p.section, p.fail, p.unknown, p.evidence, p.errors, p.critical, p.high, p.medium, p.low} {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s check.Severity) *color.Color {
	switch s {
	case check.SeverityCritical:
		return p.critical
	case check.SeverityHigh:
		return p.high
	case check.SeverityMedium:
		return p.medium
	default:
		return p.low
	}
}
