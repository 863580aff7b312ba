package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// textFormat writes the report for people. At the top: the verdict, the
// failures counted by severity, and the blocking failures (those at or
// above --fail-on, which decide the exit code), most severe first, each on
// two lines: what is wrong, then its check, where and a one-line fix.
// Then each checklist section with its other failures (most severe first),
// unknowns and waived results; a blocking failure there is one line that
// points up, with its evidence. Passes are counted, not listed. A finding
// names the file and line that declare its resource when Options.Locate
// knows them. With Options.Quiet, only the verdict and the blocking list.
type textFormat struct {
	opts Options
}

// detailIndent lines up a finding's message and evidence under its check ID:
// two spaces, the status (7), two, the severity (8), two. Continuation
// lines of an evidence value go further in, and those of an error under
// its first line, so that no text from a plan ever starts a line.
// blockingIndent lines up a blocking failure's second line and the
// continuation lines of its message under its address: two spaces, the
// severity (8), two.
var (
	detailIndent   = strings.Repeat(" ", 2+7+2+8+2)
	evidenceIndent = detailIndent + "    "
	errorIndent    = "    "
	blockingIndent = strings.Repeat(" ", 2+8+2)
)

func (f textFormat) Write(w io.Writer, rep *engine.Report) error {
	p := newPalette(f.opts.Color)
	var b bytes.Buffer
	s := rep.Summary
	t := tallyOf(rep)
	showInput := len(rep.Inputs) > 1

	score := fmt.Sprintf("score %d/100", s.Score)
	if note := t.scoreNote(); note != "" {
		score += " " + note
	}
	fmt.Fprintf(&b, "%s  %s  (%s)\n", p.verdict(verdictOf(rep)), score, verdictSettings(rep, ", ", safeLine))
	if line, ok := changeSentence(rep, func(s string) string { return s }); ok {
		b.WriteString(line + "\n")
	}
	if !f.opts.Quiet {
		fmt.Fprintf(&b, "fail %d (%s)  unknown %d  waived %d  baselined %d  pass %d\n",
			s.Fail, t.severities(", "), s.Unknown, t.waived, t.baselined, s.Pass)
	}
	if len(rep.Warnings) > 0 {
		fmt.Fprintf(&b, "%s: the verdict covers only what was read and known\n", p.unknown.Sprintf("warnings (%d)", len(rep.Warnings)))
		for _, w := range rep.Warnings {
			if f.opts.Quiet {
				break // the count is enough to qualify the verdict
			}
			fmt.Fprintf(&b, "  %s\n", indented(w, errorIndent))
		}
	}
	blocks := blocking(rep)
	if f.opts.Quiet {
		writeBlocking(&b, p, rep, blocks, showInput, f.opts)
		_, err := w.Write(guardLines(b.Bytes(), `\x3a`))
		return err
	}
	switch {
	case len(rep.Inputs) == 1:
		fmt.Fprintf(&b, "inputs: %s\n", safeLine(describeInput(rep.Inputs[0])))
	case len(rep.Inputs) > 1:
		writeInputs(&b, p, rep)
	}
	if len(rep.Results) == 0 {
		b.WriteString("\nNo check applied to these inputs.\n")
	}
	writeBlocking(&b, p, rep, blocks, showInput, f.opts)
	apart := thereBefore(rep)
	if len(apart) > 0 {
		fmt.Fprintf(&b, "\n%s: failures at or above --fail-on %s, not blocking under --gate introduced\n",
			p.section.Sprintf("there before this plan (%d)", len(apart)), rep.FailOn)
		writeFailures(&b, p, rep, apart, showInput, f.opts)
	}
	if rs := resolvedResults(rep); len(rs) > 0 {
		fmt.Fprintf(&b, "\n%s: failures this plan fixes\n", p.ready.Sprintf("resolved (%d)", len(rs)))
		for _, r := range rs {
			where := addressOf(r)
			if file, line, ok := f.opts.location(r); ok {
				where += fmt.Sprintf("  at %s:%d", safeLine(file), line)
			}
			if showInput {
				where += "  in " + safeLine(r.Input)
			}
			fmt.Fprintf(&b, "  %s  %s  %s\n", p.severity(r.Severity).Sprintf("%-8s", r.Severity), safeLine(r.CheckID), where)
		}
	}

	bySection := map[string][]engine.Result{}
	for _, r := range rep.Results {
		bySection[r.Section] = append(bySection[r.Section], r)
	}
	for _, sec := range s.Sections {
		fmt.Fprintf(&b, "\n%s  score %d/100  fail %d  pass %d  unknown %d\n",
			p.section.Sprint(safeLine(sec.Section)), sec.Score, sec.Fail, sec.Pass, sec.Unknown)
		results := bySection[sec.Section]
		listed := bySeverity(filter(results, check.StatusFail))
		listed = append(listed, filter(results, check.StatusUnknown)...)
		for _, r := range append(listed, filter(results, check.StatusWaived)...) {
			writeFinding(&b, p, r, showInput, isBlocking(rep, r), isApart(rep, r), f.opts)
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

// writeInputs gives each input of a report of several its own line: its
// verdict, blocking failures and counts, then its name.
func writeInputs(b *bytes.Buffer, p palette, rep *engine.Report) {
	tallies := perInput(rep)
	counts := make([]string, len(tallies))
	verdictWidth, countsWidth := 0, 0
	for i, t := range tallies {
		counts[i] = fmt.Sprintf("blocking %d  fail %d (%s)  unknown %d  pass %d", t.blocking, t.failures(), t.severities(", "), t.unknown, t.pass)
		verdictWidth = max(verdictWidth, len(t.verdict.String()))
		countsWidth = max(countsWidth, len(counts[i]))
	}
	fmt.Fprintf(b, "inputs (%d)\n", len(tallies))
	for i, t := range tallies {
		// The verdict is padded outside its colour, the counts to one
		// width, so that the names line up.
		fmt.Fprintf(b, "  %s%s  %-*s  %s\n", p.verdict(t.verdict), strings.Repeat(" ", verdictWidth-len(t.verdict.String())),
			countsWidth, counts[i], safeLine(describeInput(t.input)))
	}
}

// writeBlocking lists the failures that decide the exit code, most severe
// first: the severity, the address and the message, then the check, where
// its resource is declared and the first sentence of the remediation.
func writeBlocking(b *bytes.Buffer, p palette, rep *engine.Report, blocks []engine.Result, showInput bool, opts Options) {
	if len(blocks) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s: failures at or above --fail-on %s", p.notReady.Sprintf("blocking (%d)", len(blocks)), rep.FailOn)
	if gateIntroduced(rep) {
		b.WriteString(", under --gate introduced")
	}
	b.WriteString("\n")
	writeFailures(b, p, rep, blocks, showInput, opts)
}

// writeFailures writes failures in full, two lines each: the severity, the
// change (when the report has changes), the address and the message, then
// the check, where its resource is declared and the first sentence of the
// remediation.
func writeFailures(b *bytes.Buffer, p palette, rep *engine.Report, rs []engine.Result, showInput bool, opts Options) {
	indent, tagged := blockingIndent, hasChanges(rep)
	if tagged {
		indent += strings.Repeat(" ", changeTagWidth+2)
	}
	for _, r := range rs {
		what := r.Message
		if what == "" {
			what = r.Title
		}
		tag := ""
		if tagged {
			tag = fmt.Sprintf("%-*s  ", changeTagWidth, changeTag(r.Change))
		}
		fmt.Fprintf(b, "  %s  %s%s — %s\n", p.severity(r.Severity).Sprintf("%-8s", r.Severity), tag, addressOf(r), indented(what, indent))
		detail := safeLine(r.CheckID)
		if file, line, ok := opts.location(r); ok {
			detail += fmt.Sprintf("  at %s:%d", safeLine(file), line)
		}
		if showInput {
			detail += "  in " + safeLine(r.Input)
		}
		if fix := fixLine(r.Remediation); fix != "" {
			detail += "  " + p.evidence.Sprint("fix: "+safeLine(fix))
		}
		fmt.Fprintf(b, "%s%s\n", indent, detail)
	}
}

// addressOf is r's address made safe, or "(whole plan)".
func addressOf(r engine.Result) string {
	if r.Address == "" {
		return "(whole plan)"
	}
	return safeLine(r.Address)
}

// writeFinding writes one result of a section: a line that names it (with
// its change, when the plan changed it), then its message and evidence. A
// failure listed in full at the top (blocking, or there before the plan)
// keeps its evidence but not its message.
func writeFinding(b *bytes.Buffer, p palette, r engine.Result, showInput, blocks, apart bool, opts Options) {
	status, statusColor := "FAIL", p.fail
	switch r.Status {
	case check.StatusUnknown:
		status, statusColor = "UNKNOWN", p.unknown
	case check.StatusWaived:
		status, statusColor = "WAIVED", p.evidence
	}
	where := addressOf(r)
	if file, line, ok := opts.location(r); ok {
		where += fmt.Sprintf("  at %s:%d", safeLine(file), line)
	}
	if showInput {
		where += "  in " + safeLine(r.Input)
	}
	var notes []string
	if tag := changeTag(r.Change); tag != "" {
		notes = append(notes, tag)
	}
	if blocks {
		notes = append(notes, "blocking")
	}
	above := blocks || apart
	if above {
		notes = append(notes, "above")
	}
	if len(notes) > 0 {
		where += "  (" + strings.Join(notes, ", ") + ")"
	}
	fmt.Fprintf(b, "  %s  %s  %s  %s\n",
		statusColor.Sprintf("%-7s", status), p.severity(r.Severity).Sprintf("%-8s", r.Severity), safeLine(r.CheckID), where)
	if r.Message != "" && !above {
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
	ready, notReady, notEnforced, section, fail, unknown, evidence, errors *color.Color
	critical, high, medium, low                                            *color.Color
}

func newPalette(enabled bool) palette {
	p := palette{
		ready:    color.New(color.FgGreen, color.Bold),
		notReady: color.New(color.FgRed, color.Bold),
		// notEnforced: failures that --fail-on none lets pass.
		notEnforced: color.New(color.FgYellow, color.Bold),
		section:     color.New(color.Bold),
		fail:        color.New(color.FgRed),
		unknown:     color.New(color.FgYellow),
		evidence:    color.New(color.Faint),
		errors:      color.New(color.FgRed),
		critical:    color.New(color.FgRed, color.Bold),
		high:        color.New(color.FgRed),
		medium:      color.New(color.FgYellow),
		low:         color.New(color.FgCyan),
	}
	for _, c := range []*color.Color{p.ready, p.notReady, p.notEnforced, p.section, p.fail, p.unknown, p.evidence, p.errors, p.critical, p.high, p.medium, p.low} {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// verdict is v's words in its colour.
func (p palette) verdict(v verdict) string {
	switch v {
	case verdictNotReady:
		return p.notReady.Sprint(v)
	case verdictNotEnforced, verdictUndecided:
		return p.notEnforced.Sprint(v)
	default:
		return p.ready.Sprint(v)
	}
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
