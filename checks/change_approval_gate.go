package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// changeGateTypes are the resources that may make a change wait for an
// approval: a pipeline's manual approval action, a branch protection rule
// requiring reviews, a deployment environment with required reviewers.
var changeGateTypes = []string{"aws_codepipeline", "github_branch_protection", "github_repository_environment"}

// ChangeApprovalGate shows that a change to production waits for someone's
// approval: a code review before merging, or an approval before deploying.
// It is evidence: the change management process itself is attested.
var ChangeApprovalGate = check.Check{
	Meta: check.Meta{
		ID:            "change_approval_gate",
		Title:         "Production changes wait for an approval",
		Section:       "release",
		Category:      "change_approval",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(changeGateTypes),
		Description: "Change management starts with a second pair of eyes: a reviewed pull request before " +
			"merging, an approval before a release reaches production. The check looks at plans that run " +
			"services or manage pipelines and repositories, and passes when one of them gates changes: a " +
			"CodePipeline stage action of category Approval, a github_branch_protection whose " +
			"required_pull_request_reviews require at least one approving review, or a " +
			"github_repository_environment with required reviewers. Otherwise it is unknown, once per plan: " +
			"review rules are often set outside the plan, and the team attests its process. It never fails.",
		Remediation: "Require an approving review on the default branch (github_branch_protection with " +
			"required_pull_request_reviews), reviewers on the production environment, or a manual approval " +
			"action before the pipeline's deploy stage; or attest the change process.",
		Example: `resource "github_branch_protection" "main" {
  repository_id = github_repository.orders.node_id
  pattern       = "main"

  required_pull_request_reviews {
    required_approving_review_count = 1
    require_code_owner_reviews      = true
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		gates := p.OfType(changeGateTypes...)
		svcs := services(p)
		if len(gates) == 0 && len(svcs) == 0 {
			return nil
		}
		var found, notes []check.Evidence
		for _, r := range gates {
			e, note := approvalGate(r)
			if e != nil {
				found = append(found, *e)
			} else if note != "" {
				notes = append(notes, evText(r.Address, "%s", note))
			}
		}
		return evidenceVerdict(found, "production changes wait for an approval",
			"the plan shows no approval gate on its changes: attest the change management process",
			"services", svcs, notes...)
	},
}

// approvalGate returns the evidence that r makes a change wait for an
// approval, or a note saying why it does not (or cannot tell).
func approvalGate(r *model.Resource) (*check.Evidence, string) {
	switch r.Type {
	case "aws_codepipeline":
		undecided := r.Attr("stage").Unknown
		for i, stage := range r.Attr("stage").List() {
			for j := range k8sList(fieldOf(stage, "action")) {
				path := model.Path{"stage", i, "action", j, "category"}
				category := r.Attr(path...)
				if s, _ := category.Str(); s == "Approval" {
					e := evText(r.Address+"."+path.String(), "Approval")
					return &e, ""
				}
				undecided = undecided || category.Unknown
			}
		}
		if undecided {
			return nil, "action categories known only after apply"
		}
		return nil, "no stage has an Approval action"
	case "github_branch_protection":
		path := model.Path{"required_pull_request_reviews", 0, "required_approving_review_count"}
		a := r.Attr(path...)
		if n, ok := a.Number(); ok && n >= 1 {
			e := evText(r.Address+"."+path.String(), "%g", n)
			return &e, ""
		}
		if a.Unknown {
			return nil, "required_approving_review_count known only after apply"
		}
		return nil, "requires no approving review"
	case "github_repository_environment":
		for _, attr := range []string{"users", "teams"} {
			path := model.Path{"reviewers", 0, attr}
			if len(r.Attr(path...).List()) > 0 {
				e := evText(r.Address+"."+path.String(), "required reviewers")
				return &e, ""
			}
		}
		return nil, "no required reviewers"
	}
	return nil, ""
}
