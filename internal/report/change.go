package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// What the human formats say about change: a plan knows the world before
// it, and the engine marks each result with what the plan does to it
// (engine.Result.Change). The verdict is then led by one sentence, "this
// plan introduces 2 blocking gaps and resolves 1; 11 were there before",
// failures carry their change, and under --gate introduced the failures
// that were there before are listed apart from the blocking ones.

// hasChanges reports whether the report's results carry a change: some
// input has a prior world.
func hasChanges(rep *engine.Report) bool { return rep.Summary.Changes != nil }

// gateOf is the report's gate, GateAll when unset.
func gateOf(rep *engine.Report) engine.Gate {
	if rep.Gate == "" {
		return engine.GateAll
	}
	return rep.Gate
}

// gateIntroduced reports whether only introduced failures decide the
// verdict.
func gateIntroduced(rep *engine.Report) bool { return gateOf(rep) == engine.GateIntroduced }

// changeTag is a result's change as the human formats mark it: introduced,
// existing or resolved; "" for a result the plan leaves as it was
// (unchanged) or that has no change.
func changeTag(c engine.Change) string {
	switch c {
	case engine.ChangeIntroduced, engine.ChangeExisting, engine.ChangeResolved:
		return string(c)
	}
	return ""
}

// changeTagWidth is the width of the longest tag, "introduced".
const changeTagWidth = len("introduced")

// thereBefore lists, under --gate introduced, the failures at or above
// --fail-on that were there before the plan: those --gate all would block.
// Most severe first. Nil under --gate all.
func thereBefore(rep *engine.Report) []engine.Result {
	if !gateIntroduced(rep) {
		return nil
	}
	var out []engine.Result
	for _, r := range rep.Results {
		if isApart(rep, r) {
			out = append(out, r)
		}
	}
	return bySeverity(out)
}

// isApart reports whether r is one of thereBefore's failures.
func isApart(rep *engine.Report, r engine.Result) bool {
	return gateIntroduced(rep) && r.Status == check.StatusFail && r.Change == engine.ChangeExisting && rep.FailOn.Blocks(r.Severity)
}

// resolvedResults are the results whose failure the plan resolves, most
// severe first.
func resolvedResults(rep *engine.Report) []engine.Result {
	var out []engine.Result
	for _, r := range rep.Results {
		if r.Change == engine.ChangeResolved {
			out = append(out, r)
		}
	}
	return bySeverity(out)
}

// changeSentence is what the plans do, for the verdict to lead with:
// "this plan introduces 2 blocking gaps and resolves 1; 11 were there
// before". code wraps a flag as the format shows code. Without a prior
// world (a state, a directory) it is "", except under --gate introduced,
// where it says that every failure counts. ok is false when there is
// nothing to say.
func changeSentence(rep *engine.Report, code func(string) string) (s string, ok bool) {
	ch := rep.Summary.Changes
	if ch == nil {
		if !gateIntroduced(rep) {
			return "", false
		}
		return fmt.Sprintf("nothing shows which failures were there before (no input is a plan with a prior world), "+
			"so every failure counts under %s", code("--gate introduced")), true
	}
	// Introduced failures are counted from the results, to tell the
	// blocking ones from those below --fail-on; existing and resolved
	// ones are the summary's, as the JSON report gives them.
	blocking, below := 0, 0
	for _, r := range rep.Results {
		if r.Status != check.StatusFail || r.Change != engine.ChangeIntroduced {
			continue
		}
		if rep.Blocks(r) {
			blocking++
		} else {
			below++
		}
	}
	plans := 0
	for _, in := range rep.Inputs {
		if in.Kind == "plan" {
			plans++
		}
	}
	subject, s3 := "this plan", "s" // the verb's third-person ending
	if plans > 1 {
		subject, s3 = "these plans", ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s introduce%s ", subject, s3)
	switch {
	case rep.FailOn == check.ThresholdNone:
		b.WriteString(count(blocking+below, "no gap", "gap", "gaps"))
	case blocking > 0 && below > 0:
		fmt.Fprintf(&b, "%s (and %d below %s)", count(blocking, "", "blocking gap", "blocking gaps"), below, code("--fail-on "+rep.FailOn.String()))
	case blocking > 0:
		b.WriteString(count(blocking, "", "blocking gap", "blocking gaps"))
	case below > 0:
		fmt.Fprintf(&b, "no blocking gap (%d below %s)", below, code("--fail-on "+rep.FailOn.String()))
	default:
		b.WriteString("no gap")
	}
	if ch.Resolved > 0 {
		fmt.Fprintf(&b, " and resolve%s %d", s3, ch.Resolved)
	}
	if ch.Existing > 0 {
		verb := "were"
		if ch.Existing == 1 {
			verb = "was"
		}
		fmt.Fprintf(&b, "; %d %s there before", ch.Existing, verb)
		if gateIntroduced(rep) {
			fmt.Fprintf(&b, " (not blocking under %s)", code("--gate introduced"))
		}
	}
	return b.String(), true
}

// count is n with its noun: zero (when n is 0 and zero is not ""), "1
// one", or "n many".
func count(n int, zero, one, many string) string {
	switch {
	case n == 0 && zero != "":
		return zero
	case n == 1:
		return "1 " + one
	default:
		return fmt.Sprintf("%d %s", n, many)
	}
}

// sentence is s as a sentence: a capital first letter and a full stop.
func sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:] + "."
}

// verdictSettings are the settings that decide the verdict, as the human
// formats name them beside it: "fail-on high, profile production", and
// the gate when it is not the default.
func verdictSettings(rep *engine.Report, sep string, code func(string) string) string {
	parts := []string{"fail-on " + code(rep.FailOn.String())}
	if gateIntroduced(rep) {
		parts = append(parts, "gate "+code(string(engine.GateIntroduced)))
	}
	parts = append(parts, "profile "+code(rep.Profile))
	return strings.Join(parts, sep)
}
