package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// InstancePreviousGeneration flags instance types from families the cloud
// lists as previous generation.
var InstancePreviousGeneration = check.Check{
	Meta: check.Meta{
		ID:            "instance_previous_generation",
		Title:         "Instances use a current-generation type",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityMedium,
		ResourceTypes: instAllTypes,
		Description: "Previous-generation families (AWS m1-m4, c1/c3/c4, r3/r4, t1/t2, i2, d2, g2/g3, p2, x1/x1e, a1 " +
			"and the db., cache. and .search classes built on them; GCE n1, f1 and g1; Azure A-series, D/DS v1, G-series " +
			"and the retired NC, NCv2, ND and NV v1 sizes) cost more for less, run on older hypervisors, lack current " +
			"network and storage features and are the first to be retired. The rule: every instance type, node type or " +
			"machine type a resource names must be of a current generation. A type not in the catalogue, or known only " +
			"after apply, is unknown.",
		Remediation: "Move to the current family of the same shape: t2 to t3 or t4g, m4 to m7i or m7g, c4 to c7i, r4 to " +
			"r7g, db.t2 to db.t4g, n1 to n2 or e2 (n1 with an attached T4 to g2 with an L4), Standard_DS2 to Standard_D2s_v5.",
		Example: `resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "m7g.large"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return instJudge(p, r, func(t instancetypes.Type) string {
			if t.Previous() {
				return "a previous-generation type (family " + t.Family + ")"
			}
			return ""
		}, "the instance type is of a current generation", "previous-generation instance type")
	},
}
