package checks

import (
	"fmt"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// CheckBlock reports the team's own Terraform check blocks and conditions
// as the plan records them.
var CheckBlock = check.Check{
	Meta: check.Meta{
		ID:       "check_block",
		Title:    "Terraform check blocks and conditions hold",
		Section:  "custom",
		Category: "check_block",
		Severity: check.SeverityHigh,
		Description: "check blocks are a team's own assertions about its infrastructure, and Terraform only " +
			"warns when one fails: the plan applies all the same. This check makes them count: every check " +
			"block instance the plan records as failed is a failure carrying the block's own error message, " +
			"one not yet decidable (it depends on values known only after apply) is unknown, and one that holds " +
			"passes. Failed preconditions, postconditions and variable validations, which the plan records when " +
			"planning errored, are failures too, and passing ones pass; those still undecided are left out, " +
			"since Terraform itself enforces them during apply.",
		Remediation: "Fix what the failing assertion describes (its message says what), or change the " +
			"assertion if the rule itself is wrong.",
		Example: `check "backup_retention" {
  assert {
    condition     = aws_db_instance.orders.backup_retention_period >= 7
    error_message = "orders keeps fewer than 7 days of backups."
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, c := range p.CheckBlocks {
			block := c.Address.Kind == tfjson.CheckKindCheckBlock
			for _, in := range c.Instances {
				addr := in.Address.ToDisplay
				if addr == "" {
					addr = c.Address.ToDisplay
				}
				kind := conditionKind(c.Address.Kind)
				e := evText(kind, "status %s", in.Status)
				var f check.Finding
				switch in.Status {
				case tfjson.CheckStatusFail, tfjson.CheckStatusError:
					f = fail(checkProblems(in, kind, string(in.Status)), e)
				case tfjson.CheckStatusPass:
					f = pass(fmt.Sprintf("the %s holds", kind), e)
				case tfjson.CheckStatusUnknown:
					if !block {
						continue
					}
					f = unknown("the check block's condition depends on values known only after apply", e)
				default:
					continue
				}
				f.Address = addr
				out = append(out, f)
			}
		}
		return out
	},
}

// conditionKind names what a checks entry is.
func conditionKind(k tfjson.CheckKind) string {
	switch k {
	case tfjson.CheckKindCheckBlock:
		return "check block"
	case tfjson.CheckKindResource:
		return "resource condition"
	case tfjson.CheckKindOutputValue:
		return "output condition"
	case "var":
		return "variable validation"
	}
	return "condition"
}

// checkProblems joins an instance's problem messages into a finding message.
func checkProblems(in tfjson.CheckResultDynamic, kind, status string) string {
	var msgs []string
	for _, pr := range in.Problems {
		if m := strings.TrimSpace(pr.Message); m != "" {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) == 0 {
		if status == string(tfjson.CheckStatusError) {
			return fmt.Sprintf("the %s could not be evaluated", kind)
		}
		return fmt.Sprintf("the %s failed", kind)
	}
	return strings.Join(msgs, "; ")
}
