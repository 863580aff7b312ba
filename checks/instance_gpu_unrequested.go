package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// InstanceGPUUnrequested flags GPU and accelerator types that nothing in
// the configuration asks for.
var InstanceGPUUnrequested = check.Check{
	Meta: check.Meta{
		ID:            "instance_gpu_unrequested",
		Title:         "GPU types are used where the workload asks for them",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityLow,
		ResourceTypes: instComputeTypes,
		Description: "GPU and accelerator instances cost several times a CPU instance of the same size; one that nothing " +
			"declares as GPU work is often a copy-paste or a leftover experiment. The rule: a type with a GPU, Inferentia, " +
			"Trainium or Gaudi accelerator passes when the configuration says why (a tag, label or taint naming gpu, " +
			"cuda, nvidia or neuron, or machine-learning work such as ml, training or inference; an EKS accelerated " +
			"ami_type; a guest_accelerator) and fails otherwise. Types not known to carry an accelerator are not judged here.",
		Remediation: "Declare the GPU workload (for example tags = { workload = \"gpu\" }, or a nvidia.com/gpu taint on the " +
			"node pool), or move to a CPU type if nothing uses the accelerator.",
		Example: `resource "aws_instance" "trainer" {
  ami           = data.aws_ami.deep_learning.id
  instance_type = "g6.xlarge"
  tags = {
    workload = "gpu"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		types := instTypes(p, r)
		accelerated := false
		for _, nt := range types {
			accelerated = accelerated || (nt.found && instAccelerated(nt.typ))
		}
		req := instGPURequestOf(p, r)
		var evs []check.Evidence
		for _, nt := range types {
			evs = append(evs, nt.ev)
		}
		switch {
		case accelerated && req.any():
			return pass("the configuration declares the accelerated workload", append(append(req.strong, req.weak...), evs...)...)
		case accelerated:
			var names []string
			for _, nt := range types {
				if nt.found && instAccelerated(nt.typ) {
					names = append(names, nt.typ.Name+" ("+instAccelName(nt.typ)+")")
				}
			}
			return fail("an accelerated type with no tag, label, taint or AMI type that asks for it: "+strings.Join(names, ", "), evs...)
		}
		return check.Skip // no type known to carry an accelerator
	},
}
