package engine

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// Change says what a plan does to a result, comparing the world before the
// plan (its prior state) with the planned one. It is set only on the
// results of a plan: a state or a directory of .tf files has no prior
// world, and their results carry no change.
type Change string

// The values of Result.Change, a JSON contract.
const (
	// ChangeIntroduced: fails in the planned world and did not fail before,
	// including on a resource the plan creates.
	ChangeIntroduced Change = "introduced"
	// ChangeExisting: fails in both worlds.
	ChangeExisting Change = "existing"
	// ChangeResolved: failed before and does not fail now; its subject
	// still exists.
	ChangeResolved Change = "resolved"
	// ChangeUnchanged: fails in neither world.
	ChangeUnchanged Change = "unchanged"
)

// Gate says which failures decide a run's verdict.
type Gate string

// The values of --gate and readiness_plan's gate.
const (
	// GateAll: every failure at or above the threshold blocks (the
	// default, and the behaviour before gates existed).
	GateAll Gate = "all"
	// GateIntroduced: only a failure the plan introduces blocks. A result
	// without a change (a state, a directory) still blocks: nothing shows
	// that it was there before.
	GateIntroduced Gate = "introduced"
)

// Gates lists the gates, the default first.
var Gates = []Gate{GateAll, GateIntroduced}

// GateNames are the gates' names, the default first.
func GateNames() []string {
	names := make([]string, len(Gates))
	for i, g := range Gates {
		names[i] = string(g)
	}
	return names
}

// ParseGate reads a gate's name, in any case; "" is GateAll.
func ParseGate(s string) (Gate, error) {
	switch g := Gate(strings.ToLower(strings.TrimSpace(s))); g {
	case "", GateAll:
		return GateAll, nil
	case GateIntroduced:
		return g, nil
	}
	return "", fmt.Errorf("unknown gate %q (want all or introduced)", s)
}

// Blocks reports whether a result decides the verdict: a failure at or
// above the threshold that the gate counts.
func (rep *Report) Blocks(r Result) bool {
	if r.Status != check.StatusFail || !rep.FailOn.Blocks(r.Severity) {
		return false
	}
	return rep.Gate != GateIntroduced || r.Change == "" || r.Change == ChangeIntroduced
}

// ChangeSummary counts what a run's plans do to its failures. Nil when no
// input has a prior world.
type ChangeSummary struct {
	// Introduced counts the failures the plans introduce, Existing those
	// that were there before and stay, Resolved those the plans fix.
	Introduced int `json:"introduced"`
	Existing   int `json:"existing"`
	Resolved   int `json:"resolved"`
}

// count adds one result to the counts: a failure (as it stands after
// waivers and baselines) by its change, and a resolved result.
func (c *ChangeSummary) count(r Result) {
	switch {
	case r.Change == ChangeResolved:
		c.Resolved++
	case r.Status != check.StatusFail:
	case r.Change == ChangeIntroduced:
		c.Introduced++
	case r.Change == ChangeExisting:
		c.Existing++
	}
}
