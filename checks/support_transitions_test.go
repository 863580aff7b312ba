package checks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// transitionChecks are the checks that compare a resource's values before
// the plan with its planned ones.
var transitionChecks = []check.Check{
	AWSBackupRetentionReduced, AWSPITRDisabled, AWSDeletionProtectionDisabled, AWSMultiAZRemoved, AWSAlarmActionsRemoved,
}

const transitionsFixture = "testdata/aws_transitions/plan.json"

// A transitionWant is what a transition check says of one resource of the
// transitions fixture: its status and change, the start of its message, and
// its evidence in full (none for a no-op's pass).
type transitionWant struct {
	status   check.Status
	change   engine.Change
	message  string
	evidence []check.Evidence
}

// assertTransitions runs c over the transitions fixture and holds the
// results on the addresses of want to it.
func assertTransitions(t *testing.T, c check.Check, want map[string]transitionWant) {
	t.Helper()
	got := map[string]engine.Result{}
	for _, r := range checktest.Run(t, c, checktest.Load(t, transitionsFixture)).Results {
		got[r.Address] = r
	}
	for addr, w := range want {
		t.Run(addr, func(t *testing.T) {
			t.Parallel()
			r, ok := got[addr]
			if !ok {
				t.Fatalf("%s has no result", addr)
			}
			if r.Status != w.status || r.Change != w.change {
				t.Errorf("status, change = %s, %s; want %s, %s (%s)", r.Status, r.Change, w.status, w.change, r.Message)
			}
			if !strings.HasPrefix(r.Message, w.message) {
				t.Errorf("message %q does not start with %q", r.Message, w.message)
			}
			if diff := cmp.Diff(w.evidence, r.Evidence, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("evidence (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTransitionChecksPassBeforeThePlan judges the fixture's prior world,
// where every resource holds its before values: nothing changes there, so
// every transition check passes, and the failures in the planned world are
// the plan's own (introduced).
func TestTransitionChecksPassBeforeThePlan(t *testing.T) {
	t.Parallel()
	prior, ok := checktest.Load(t, transitionsFixture).Prior()
	if !ok {
		t.Fatal("the fixture has no prior world")
	}
	for _, c := range transitionChecks {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			got := checktest.Sets(checktest.Run(t, c, prior))
			if len(got.Fail) > 0 || len(got.Unknown) > 0 {
				t.Errorf("before the plan: fail %v, unknown %v; want only passes", got.Fail, got.Unknown)
			}
			if len(got.Pass) == 0 {
				t.Error("no result before the plan")
			}
		})
	}
}

// TestTransitionChecksJudgeOnlyChanges holds the checks to what has a
// transition: resources the plan creates or deletes have none, and nor does
// anything in a state, whose values are the same on both sides.
func TestTransitionChecksJudgeOnlyChanges(t *testing.T) {
	t.Parallel()
	for _, c := range transitionChecks {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			p := checktest.Load(t, transitionsFixture)
			for _, r := range checktest.Run(t, c, p).Results {
				if res := p.Lookup(r.Address); res == nil || res.Actions.Create() || res.Actions.Delete() && !res.Actions.Replace() {
					t.Errorf("%s judges %s, which the plan creates or deletes", c.ID, r.Address)
				}
			}
			p.Kind = model.KindState
			for _, r := range p.OfType(c.ResourceTypes...) {
				if f := c.Resource(p, r); f.Status != "" {
					t.Errorf("%s judges %s in a state: %s", c.ID, r.Address, f.Status)
				}
			}
		})
	}
}

// TestTransitionFixtureMatchesSchema holds the transitions fixture to the
// real provider schema: every before and after object (with the values
// after_unknown marks, which after leaves out) has exactly the schema's
// attributes and blocks, at every depth, as terraform show -json writes it.
func TestTransitionFixtureMatchesSchema(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join(realFixtures, "..", "schemas", "aws.json"))
	if err != nil {
		t.Skipf("the provider schemas are not beside the project (../shared/fixtures/schemas): %v", err)
	}
	var schemas struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block schemaBlock `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(data, &schemas); err != nil {
		t.Fatal(err)
	}
	aws := schemas.ProviderSchemas["registry.terraform.io/hashicorp/aws"].ResourceSchemas
	var plan struct {
		ResourceChanges []struct {
			Address      string `json:"address"`
			Type         string `json:"type"`
			ProviderName string `json:"provider_name"`
			Change       struct {
				Before       any `json:"before"`
				After        any `json:"after"`
				AfterUnknown any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	data, err = os.ReadFile(transitionsFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	for _, rc := range plan.ResourceChanges {
		if !strings.HasSuffix(rc.ProviderName, "hashicorp/aws") {
			continue
		}
		s, ok := aws[rc.Type]
		if !ok {
			t.Errorf("%s: no schema for %s", rc.Address, rc.Type)
			continue
		}
		if rc.Change.Before != nil {
			s.Block.holds(t, rc.Address+" before", rc.Change.Before, nil)
		}
		if rc.Change.After != nil {
			s.Block.holds(t, rc.Address+" after", rc.Change.After, rc.Change.AfterUnknown)
		}
	}
}

type schemaBlock struct {
	Attributes map[string]json.RawMessage `json:"attributes"`
	BlockTypes map[string]struct {
		NestingMode string      `json:"nesting_mode"`
		Block       schemaBlock `json:"block"`
	} `json:"block_types"`
}

// holds reports every difference between the members of v (an object, with
// those unknown marks) and the block's attributes and blocks.
func (b schemaBlock) holds(t *testing.T, where string, v, unknown any) {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: %T, not an object", where, v)
		return
	}
	marks, _ := unknown.(map[string]any)
	var want, got []string
	for k := range b.Attributes {
		want = append(want, k)
	}
	for k := range b.BlockTypes {
		want = append(want, k)
	}
	for k := range obj {
		got = append(got, k)
	}
	for k, m := range marks {
		if _, ok := obj[k]; !ok && m == true {
			got = append(got, k)
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: members (-schema +fixture):\n%s", where, diff)
	}
	for k, bt := range b.BlockTypes {
		switch inner := obj[k].(type) {
		case []any:
			innerMarks, _ := marks[k].([]any)
			for i, e := range inner {
				var m any
				if i < len(innerMarks) {
					m = innerMarks[i]
				}
				bt.Block.holds(t, where+"."+k, e, m)
			}
		case map[string]any:
			bt.Block.holds(t, where+"."+k, inner, marks[k])
		}
	}
}
