package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSEndpointPublic forbids an EKS API endpoint open to the whole
// internet.
var AWSEKSEndpointPublic = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_endpoint_public",
		Title:         "EKS API endpoint is not open to the whole internet",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_cluster"},
		Description: "The Kubernetes API server controls everything in the cluster. With endpoint_public_access " +
			"on (the default) and public_access_cidrs unset, AWS allows 0.0.0.0/0: anyone can probe it, try " +
			"stolen credentials and exploit API-server vulnerabilities. A private endpoint, or a public one " +
			"limited to known networks, removes that exposure.",
		Remediation: "Set vpc_config.endpoint_private_access = true and endpoint_public_access = false, or " +
			"restrict public_access_cidrs to the networks of your operators and CI.",
		Example: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		pubA := r.Attr("vpc_config", 0, "endpoint_public_access")
		pubEv := ev(p, r, "vpc_config", 0, "endpoint_public_access")
		pub, decided := configuredOrDefault(r, pubA, true, "vpc_config", "endpoint_public_access")
		if !decided {
			return unknown("endpoint_public_access is known only after apply", pubEv)
		}
		if pubA.Unknown || pubA.Value == nil {
			pubEv.Value += " (unset: defaults to true)"
		}
		if on, _ := pub.(bool); !on {
			return pass("the API endpoint is private", pubEv)
		}
		cidrsA := r.Attr("vpc_config", 0, "public_access_cidrs")
		cidrsEv := ev(p, r, "vpc_config", 0, "public_access_cidrs")
		cidrs, decided := configuredOrDefault(r, cidrsA, []any{"0.0.0.0/0"}, "vpc_config", "public_access_cidrs")
		if !decided {
			return unknown("public_access_cidrs is known only after apply", pubEv, cidrsEv)
		}
		if cidrsA.Unknown || cidrsA.Value == nil {
			cidrsEv.Value += ` (not set in configuration: AWS allows ["0.0.0.0/0"])`
		}
		list, _ := cidrs.([]any)
		var open []string
		for _, c := range list {
			if s, _ := c.(string); worldCIDR(s) {
				open = append(open, s)
			}
		}
		if len(list) == 0 {
			open = append(open, "0.0.0.0/0")
		}
		if len(open) > 0 {
			return fail("the Kubernetes API endpoint is open to the whole internet ("+strings.Join(open, ", ")+")", pubEv, cidrsEv)
		}
		return pass("the public API endpoint admits only listed networks", pubEv, cidrsEv)
	},
}
