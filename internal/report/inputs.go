package report

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// inputTally is one input's share of a report of several: its own verdict
// (blocking failures of its own at or above --fail-on) and its counts, for
// the per-input section of the human formats.
type inputTally struct {
	input    engine.Input
	verdict  verdict
	blocking int
	tally
	unknown, pass int
}

// perInput tallies each input of the report, in the report's order. A
// result is counted under the input it names.
func perInput(rep *engine.Report) []inputTally {
	out := make([]inputTally, len(rep.Inputs))
	at := make(map[string]int, len(rep.Inputs))
	for i, in := range rep.Inputs {
		out[i].input = in
		at[in.Path] = i
	}
	for _, r := range rep.Results {
		i, ok := at[r.Input]
		if !ok {
			continue
		}
		t := &out[i]
		switch {
		case r.Status == check.StatusFail && r.Severity >= 0 && int(r.Severity) < len(t.fail):
			t.fail[r.Severity]++
			if isBlocking(rep, r) {
				t.blocking++
			}
		case r.Status == check.StatusWaived && r.InBaseline:
			t.baselined++
		case r.Status == check.StatusWaived:
			t.waived++
		case r.Status == check.StatusUnknown:
			t.unknown++
		case r.Status == check.StatusPass:
			t.pass++
		}
	}
	for i := range out {
		t := &out[i]
		switch {
		case t.blocking > 0:
			t.verdict = verdictNotReady
		case t.failures() > 0 && rep.FailOn == check.ThresholdNone:
			t.verdict = verdictNotEnforced
		default:
			t.verdict = verdictReady
		}
	}
	return out
}

// failures counts the failed results of every severity.
func (t tally) failures() int {
	n := 0
	for _, c := range t.fail {
		n += c
	}
	return n
}
