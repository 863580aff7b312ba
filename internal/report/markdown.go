package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// markdownFormat writes a pull-request comment (GitHub flavoured Markdown):
// the verdict, the failures counted by severity, the blocking failures (at or
// above --fail-on: they decide the exit code) most severe first with a
// one-line fix, a scorecard by checklist section, the other failures grouped
// by section (most severe first), the errors, then unknowns, waived results
// and passes folded in <details>. A comment holds at most limit bytes (GitHub takes
// 65,536 characters): findings that do not fit are counted in a closing
// note instead.
type markdownFormat struct {
	opts  Options
	limit int
}

const (
	// githubCommentLimit is the most characters GitHub accepts in an issue
	// or pull-request comment; counting bytes keeps under it.
	githubCommentLimit = 65536
	// markdownMarker is an HTML comment that lets a pipeline find the
	// comment it posted last time and update it.
	markdownMarker = "<!-- readiness-report -->"
	// markdownReserve is kept free for closing tags, the truncation note
	// and the footer.
	markdownReserve = 1024
	// evidenceMax is the most characters of one evidence value a comment
	// shows; the other formats show it whole.
	evidenceMax = 200
)

func (f markdownFormat) Write(w io.Writer, rep *engine.Report) error {
	m := &mdBudget{limit: f.limit - markdownReserve}
	s := rep.Summary
	t := tallyOf(rep)

	score := fmt.Sprintf("score %d/100", s.Score)
	if note := t.scoreNote(); note != "" {
		score += " " + note
	}
	m.raw(markdownMarker + "\n")
	m.add(fmt.Sprintf("## %s · %s\n\n", mdVerdict(verdictOf(rep)), score), 0)
	if line, ok := changeSentence(rep, mdCode); ok {
		m.add("**"+sentence(line)+"**\n\n", 0)
	}
	m.add(fmt.Sprintf("fail **%d** (%s) · unknown **%d** · waived **%d** · baselined **%d** · pass **%d** — %s\n",
		s.Fail, t.severities(" · "), s.Unknown, t.waived, t.baselined, s.Pass, verdictSettings(rep, ", ", mdCode)), 0)
	if len(rep.Warnings) > 0 {
		m.add(fmt.Sprintf("\n> [!WARNING]\n> The verdict covers only what was read and known (%d warnings):\n", len(rep.Warnings)), 0)
		for _, w := range rep.Warnings {
			m.add("> - "+mdCell(w)+"\n", 0)
		}
	}
	switch {
	case len(rep.Inputs) == 1:
		m.add("\nInputs: "+mdText(describeInput(rep.Inputs[0]))+"\n", 0)
	case len(rep.Inputs) > 1:
		tallies := perInput(rep)
		head := fmt.Sprintf("\n### Inputs (%d)\n\n| Input | Verdict | Blocking | Critical | High | Medium | Low | Unknown | Pass |\n"+
			"| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n", len(tallies))
		if m.add(head, 0) {
			for _, t := range tallies {
				m.add(fmt.Sprintf("| %s | %s | %d | %d | %d | %d | %d | %d | %d |\n", mdCell(describeInput(t.input)), mdVerdict(t.verdict), t.blocking,
					t.fail[check.SeverityCritical], t.fail[check.SeverityHigh], t.fail[check.SeverityMedium], t.fail[check.SeverityLow], t.unknown, t.pass), 0)
			}
		}
	}
	if len(rep.Results) == 0 {
		m.add("\nNo check applied to these inputs.\n", 0)
	}

	// The blocking failures come first; the scorecard after them keeps its
	// room however many there are.
	var card strings.Builder
	if len(s.Sections) > 0 {
		card.WriteString("\n| Section | Score | Fail | Pass | Unknown |\n| --- | ---: | ---: | ---: | ---: |\n")
		for _, sec := range s.Sections {
			fmt.Fprintf(&card, "| %s | %d/100 | %d | %d | %d |\n", mdCell(sec.Section), sec.Score, sec.Fail, sec.Pass, sec.Unknown)
		}
	}
	showInput := len(rep.Inputs) > 1
	blocks := blocking(rep)
	apart := thereBefore(rep)
	m.reserve(card.String(), func() {
		if len(blocks) > 0 {
			gate := ""
			if gateIntroduced(rep) {
				gate = " under " + mdCode("--gate introduced")
			}
			f.fixTable(m, fmt.Sprintf("\n### Blocking (%d)\n\nFailures at or above %s%s: they decide the exit code.\n\n",
				len(blocks), mdCode("--fail-on "+rep.FailOn.String()), gate), rep, blocks, showInput)
		}
		if len(apart) > 0 {
			f.fixTable(m, fmt.Sprintf("\n### There before this plan (%d)\n\nFailures at or above %s that were there before this plan: not blocking under %s.\n\n",
				len(apart), mdCode("--fail-on "+rep.FailOn.String()), mdCode("--gate introduced")), rep, apart, showInput)
		}
		if rs := resolvedResults(rep); len(rs) > 0 {
			if m.add(fmt.Sprintf("\n### Resolved (%d)\n\nFailures this plan fixes.\n\n| Severity | Check | Resource |\n| --- | --- | --- |\n", len(rs)), len(rs)) {
				for _, r := range rs {
					m.add(fmt.Sprintf("| %s | %s | %s |\n", r.Severity, mdCheck(r), f.resourceCell(r, showInput)), 1)
				}
			}
		}
	})

	fails := bySeverity(withoutResults(filter(rep.Results, check.StatusFail), func(r engine.Result) bool { return isBlocking(rep, r) || isApart(rep, r) }))
	if len(fails) > 0 {
		heading := "Failures"
		if len(blocks)+len(apart) > 0 {
			heading = "Other failures"
		}
		m.add(fmt.Sprintf("\n### %s (%d)\n", heading, len(fails)), 0)
		for _, sec := range sectionNames(rep) {
			var group []engine.Result
			for _, r := range fails {
				if r.Section == sec {
					group = append(group, r)
				}
			}
			f.findingTable(m, "\n#### "+mdText(sec)+"\n\n", "", rep, group, showInput)
		}
	}
	if len(rep.Errors) > 0 {
		if m.add(fmt.Sprintf("\n### Errors (%d)\n\n", len(rep.Errors)), len(rep.Errors)) {
			for _, e := range rep.Errors {
				m.add("- "+mdCell(e)+"\n", 1)
			}
		}
	}
	if rs := filter(rep.Results, check.StatusUnknown); len(rs) > 0 {
		f.findingTable(m, fmt.Sprintf("\n<details>\n<summary>Unknown (%d): a value known only after apply, or outside the plan</summary>\n\n", len(rs)),
			"\n</details>\n", rep, bySeverity(rs), showInput)
	}
	if rs := filter(rep.Results, check.StatusWaived); len(rs) > 0 {
		f.findingTable(m, fmt.Sprintf("\n<details>\n<summary>Waived (%d)</summary>\n\n", len(rs)), "\n</details>\n", rep, bySeverity(rs), showInput)
	}
	if rs := filter(rep.Results, check.StatusPass); len(rs) > 0 {
		if m.add(fmt.Sprintf("\n<details>\n<summary>Passed (%d)</summary>\n\n| Check | Resource |\n| --- | --- |\n", len(rs)), len(rs)) {
			for _, r := range rs {
				m.add(fmt.Sprintf("| %s | %s |\n", mdCheck(r), f.resourceCell(r, showInput)), 1)
			}
			m.raw("\n</details>\n")
		}
	}

	if m.omitted > 0 {
		m.raw(fmt.Sprintf("\n> [!NOTE]\n> %d more results and errors are not shown: a comment holds at most %d characters. The full report is in the text, JSON or HTML formats.\n",
			m.omitted, githubCommentLimit))
	}
	if s.Fail+s.Unknown > 0 {
		m.raw("\nRun `readiness explain CHECK_ID` for why a check matters and how to fix it.\n")
	}
	version := f.opts.ToolVersion
	if version == "" {
		version = "dev"
	}
	m.raw(fmt.Sprintf("\n<sub>%s %s</sub>\n", ToolName, mdText(truncateRunes(version, 64))))
	_, err := w.Write(guardLines([]byte(m.b.String()), `\x3a`))
	return err
}

// mdVerdict is the verdict as the comment's heading shows it.
func mdVerdict(v verdict) string {
	switch v {
	case verdictNotReady:
		return "❌ **NOT READY**"
	case verdictNotEnforced:
		return "⚠️ **NOT READY (not enforced)**"
	case verdictUndecided:
		return "⚠️ **UNDECIDED**"
	default:
		return "✅ **READY**"
	}
}

// findingTable writes one table of findings under head, closed by tail,
// as far as the budget goes. When the report has changes, a column gives
// each finding's.
func (f markdownFormat) findingTable(m *mdBudget, head, tail string, rep *engine.Report, rs []engine.Result, showInput bool) {
	if len(rs) == 0 {
		return
	}
	columns, rule := "| Severity | Check | Resource | Finding |\n", "| --- | --- | --- | --- |\n"
	change := func(engine.Result) string { return "" }
	if hasChanges(rep) {
		columns, rule = "| Severity | Change | Check | Resource | Finding |\n", "| --- | --- | --- | --- | --- |\n"
		change = func(r engine.Result) string { return changeTag(r.Change) + " | " }
	}
	if !m.add(head+columns+rule, len(rs)) {
		return
	}
	for _, r := range rs {
		m.add(fmt.Sprintf("| %s | %s%s | %s | %s |\n", r.Severity, change(r), mdCheck(r), f.resourceCell(r, showInput), mdFinding(r)), 1)
	}
	m.raw(tail)
}

// fixTable writes failures under head with the first sentence of each
// one's remediation, as far as the budget goes: the blocking failures, and
// those there before the plan under --gate introduced.
func (f markdownFormat) fixTable(m *mdBudget, head string, rep *engine.Report, rs []engine.Result, showInput bool) {
	columns, rule := "| Severity | Check | Resource | Finding | Fix |\n", "| --- | --- | --- | --- | --- |\n"
	change := func(engine.Result) string { return "" }
	if hasChanges(rep) {
		columns, rule = "| Severity | Change | Check | Resource | Finding | Fix |\n", "| --- | --- | --- | --- | --- | --- |\n"
		change = func(r engine.Result) string { return changeTag(r.Change) + " | " }
	}
	if !m.add(head+columns+rule, len(rs)) {
		return
	}
	for _, r := range rs {
		m.add(fmt.Sprintf("| %s | %s%s | %s | %s | %s |\n", r.Severity, change(r), mdCheck(r), f.resourceCell(r, showInput), mdFinding(r), mdCell(fixLine(r.Remediation))), 1)
	}
}

func (f markdownFormat) resourceCell(r engine.Result, showInput bool) string {
	cell := "(whole plan)"
	if r.Address != "" {
		cell = mdCode(r.Address)
	}
	if file, line, ok := f.opts.location(r); ok {
		cell += "<br>" + mdCode(fmt.Sprintf("%s:%d", file, line))
	}
	if showInput {
		cell += "<br>in " + mdCode(r.Input)
	}
	return cell
}

func mdCheck(r engine.Result) string {
	if r.Docs == "" {
		return mdCode(r.CheckID)
	}
	return "[" + mdCode(r.CheckID) + "](" + mdURL(safeLine(r.Docs)) + ")"
}

func mdFinding(r engine.Result) string {
	parts := []string{}
	if r.Message != "" {
		parts = append(parts, mdCell(r.Message))
	}
	for _, e := range r.Evidence {
		parts = append(parts, mdCode(e.Attribute+" = "+truncateRunes(e.Value, evidenceMax)))
	}
	if len(parts) == 0 {
		return mdCell(r.Title)
	}
	return strings.Join(parts, "<br>")
}

// mdBudget builds a comment that stays under limit bytes: text that does
// not fit, and all text after it, is left out and its entries counted.
// raw text (closing tags, notes) is always written; markdownReserve keeps
// room for it.
type mdBudget struct {
	b       strings.Builder
	limit   int
	omitted int
	full    bool
}

// add writes s, which shows entries results or errors, if it fits.
func (m *mdBudget) add(s string, entries int) bool {
	if m.full || m.b.Len()+len(s) > m.limit {
		m.full = true
		m.omitted += entries
		return false
	}
	m.b.WriteString(s)
	return true
}

func (m *mdBudget) raw(s string) { m.b.WriteString(s) }

// reserve keeps room for s while fill writes, then writes s, unless the text
// before fill had already taken that room.
func (m *mdBudget) reserve(s string, fill func()) {
	full := m.full
	m.limit -= len(s)
	fill()
	m.limit += len(s)
	if !full && m.b.Len()+len(s) <= m.limit {
		m.b.WriteString(s)
		return
	}
	m.add(s, 0)
}

// mdText escapes one line of text for Markdown: no markup, no HTML, no
// @mentions, no control characters (safeLine).
func mdText(s string) string { return mdEscape(safeLine(s)) }

// mdCell is mdText for text that may hold several lines, as in a table
// cell: line breaks become <br>, so that no text starts a line.
func mdCell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.ReplaceAll(mdEscape(safeText(s)), "\n", "<br>")
}

// mdEscape escapes Markdown's markup, HTML and @mentions.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '@':
			b.WriteString("&#64;")
		case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MarkdownText is one line of text from a plan made safe for Markdown that
// another system renders (an HCP Terraform task result's outcome): no
// markup, no HTML, no @mentions, no control characters.
func MarkdownText(s string) string { return mdText(s) }

// MarkdownCode is a code span that holds s whatever its backticks, on one
// line, for Markdown outside a table.
func MarkdownCode(s string) string {
	return codeSpan(strings.ReplaceAll(safeText(s), "\n", " "))
}

// MarkdownURL is a link target that cannot close its link early.
func MarkdownURL(u string) string { return mdURL(safeLine(u)) }

// mdCode is MarkdownCode safe in a table cell too (GitHub splits cells at
// | even inside code spans unless escaped).
func mdCode(s string) string {
	return codeSpan(strings.NewReplacer("\n", " ", "|", `\|`).Replace(safeText(s)))
}

// codeSpan is a code span holding s, fenced by more backticks than any run
// in s.
func codeSpan(s string) string {
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		s = " " + s + " "
	}
	return ticks + s + ticks
}

// fence is a fenced code block holding s whatever its backticks.
func fence(s, lang string) string {
	ticks := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return ticks + lang + "\n" + strings.TrimRight(s, "\n") + "\n" + ticks
}

// mdURL keeps a link target from closing the link early.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C").Replace(u)
}

func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// truncateRunes cuts s to n characters, marking the cut with "…".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// bySeverity returns rs sorted most severe first, keeping the report's
// order among equals.
func bySeverity(rs []engine.Result) []engine.Result {
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b engine.Result) int { return int(b.Severity) - int(a.Severity) })
	return out
}
