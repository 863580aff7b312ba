package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// What the human formats (text, markdown, html) say above everything else:
// the verdict in words, the counts that explain it, and the failures that
// decide the exit code. The machine formats keep their own fields.

// verdict is the verdict in words.
type verdict int

const (
	verdictReady verdict = iota
	verdictNotReady
	// verdictNotEnforced: failures exist but --fail-on none lets them
	// pass. summary.ready stays true (the exit code is 0); the words do not
	// call the plan ready.
	verdictNotEnforced
	// verdictUndecided: no failure blocks, but part of the plan could not
	// be judged (the report's errors), so the plan is not called ready and
	// the exit code is 1.
	verdictUndecided
)

func verdictOf(rep *engine.Report) verdict {
	switch {
	case !rep.Summary.Ready:
		return verdictNotReady
	case rep.FailOn == check.ThresholdNone && rep.Summary.Fail > 0:
		return verdictNotEnforced
	case len(rep.Errors) > 0:
		return verdictUndecided
	default:
		return verdictReady
	}
}

func (v verdict) String() string {
	switch v {
	case verdictNotReady:
		return "NOT READY"
	case verdictNotEnforced:
		return "NOT READY (not enforced)"
	case verdictUndecided:
		return "UNDECIDED"
	default:
		return "READY"
	}
}

// tally counts the results the verdict rests on: failures by severity, and
// the waived results apart from those the baseline waived.
type tally struct {
	fail      [check.SeverityCritical + 1]int
	waived    int
	baselined int
}

func tallyOf(rep *engine.Report) tally {
	var t tally
	for _, r := range rep.Results {
		switch {
		case r.Status == check.StatusFail && r.Severity >= 0 && int(r.Severity) < len(t.fail):
			t.fail[r.Severity]++
		case r.Status == check.StatusWaived && r.InBaseline:
			t.baselined++
		case r.Status == check.StatusWaived:
			t.waived++
		}
	}
	return t
}

// severities lists the failures by severity, most severe first, as
// "critical 2, high 4, medium 7, low 0".
func (t tally) severities(sep string) string {
	var parts []string
	for _, s := range []check.Severity{check.SeverityCritical, check.SeverityHigh, check.SeverityMedium, check.SeverityLow} {
		parts = append(parts, fmt.Sprintf("%s %d", s, t.fail[s]))
	}
	return strings.Join(parts, sep)
}

// scoreNote says, next to the score, how many failures it leaves out
// because they are baselined or waived: "(13 baselined, 2 waived)", or ""
// when none is.
func (t tally) scoreNote() string {
	var parts []string
	if t.baselined > 0 {
		parts = append(parts, fmt.Sprintf("%d baselined", t.baselined))
	}
	if t.waived > 0 {
		parts = append(parts, fmt.Sprintf("%d waived", t.waived))
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// blocking is the report's blocking failures (engine.Report.Blocking), most
// severe first, in the report's order among equals.
func blocking(rep *engine.Report) []engine.Result {
	return bySeverity(rep.Blocking())
}

// Verdict is the verdict in the words the human formats lead with: READY,
// NOT READY, NOT READY (not enforced) under --fail-on none, or UNDECIDED
// when part of the plan could not be judged.
func Verdict(rep *engine.Report) string { return verdictOf(rep).String() }

// FailuresBySeverity counts the failures by severity, most severe first:
// "critical 2, high 4, medium 7, low 0".
func FailuresBySeverity(rep *engine.Report) string { return tallyOf(rep).severities(", ") }

// Blocking is the failures that decide the exit code, most severe first, in
// the report's order among equals.
func Blocking(rep *engine.Report) []engine.Result { return blocking(rep) }

// isBlocking reports whether r is one of the failures that decide the exit
// code.
func isBlocking(rep *engine.Report, r engine.Result) bool { return rep.Blocks(r) }

// fixMax is the most characters of a remediation the one-line "fix:" shows.
const fixMax = 100

// fixLine is the first sentence of a check's remediation, on one line and
// at most fixMax characters: what to do, in short. The whole text is in
// readiness explain and the check's docs.
func fixLine(remediation string) string {
	s := strings.Join(strings.Fields(remediation), " ")
	if end := sentenceEnd(s); end > 0 {
		s = s[:end]
	}
	if utf8.RuneCountInString(s) <= fixMax {
		return s
	}
	// Cut at the last space that leaves room for the ellipsis.
	cut := []rune(s)[:fixMax-1]
	if i := lastSpace(cut); i > fixMax/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(string(cut), " ,;:") + "…"
}

func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return -1
}

// sentenceEnd is the index just past the full stop that ends s's first
// sentence (one followed by a space and a capital letter), or 0. A stop
// before a lower-case word, as in "e.g. cron(...)", ends nothing.
func sentenceEnd(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
			return i + 1
		}
	}
	return 0
}

// withoutResults is rs less the results in drop.
func withoutResults(rs []engine.Result, drop func(engine.Result) bool) []engine.Result {
	return slices.DeleteFunc(slices.Clone(rs), drop)
}
