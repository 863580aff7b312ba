package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestRunManyInputsInOrder: inputs judged in parallel are reported in the
// order given, each with its own results, and a check's panic on one
// input is that input's error.
func TestRunManyInputsInOrder(t *testing.T) {
	t.Parallel()
	var plans []*model.Plan
	for i := range 12 {
		p, err := model.Decode(fmt.Sprintf("plan-%02d.json", 11-i), []byte(plan))
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	panicsOnFive := check.Check{
		Meta: meta("t_panics", "deployment", "multi_az", check.SeverityLow),
		Plan: func(p *model.Plan) []check.Finding {
			if p.Path == "plan-05.json" {
				panic("boom")
			}
			return nil
		},
	}
	prof, _ := profile.Lookup(profile.Default)
	rep := Run(plans, []check.Check{multiAZ, panicsOnFive}, Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	for i, in := range rep.Inputs {
		if want := fmt.Sprintf("plan-%02d.json", 11-i); in.Path != want {
			t.Errorf("input %d is %s, want %s", i, in.Path, want)
		}
	}
	perInput := map[string]int{}
	for _, r := range rep.Results {
		perInput[r.Input]++
	}
	for _, p := range plans {
		if perInput[p.Path] != 3 {
			t.Errorf("%s has %d results, want 3", p.Path, perInput[p.Path])
		}
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], "check t_panics could not judge plan-05.json: internal error: boom") {
		t.Errorf("errors = %q", rep.Errors)
	}
}

// TestJudgeAllRaisesEnginePanics: a panic outside a check's guard (the
// engine's own, here a nil plan) reaches the caller, as it would have
// judged inputs one after another, rather than ending the process from a
// goroutine.
func TestJudgeAllRaisesEnginePanics(t *testing.T) {
	t.Parallel()
	defer func() {
		v := recover()
		if v == nil || !strings.Contains(fmt.Sprint(v), "judging input 2 of 2") {
			t.Errorf("recovered %v, want the engine's panic", v)
		}
	}()
	judgeAll([]*model.Plan{load(t), nil}, []check.Check{multiAZ}, Options{})
}
