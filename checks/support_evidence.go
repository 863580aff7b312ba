package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the evidence checks (Meta.Evidence): each shows, once per
// plan, that a team's tooling for one checklist item exists. It passes on
// that evidence and is unknown otherwise, never failing; and it reports
// only on plans where the item applies (a plan that runs services, serves
// traffic, keeps data), so that a plan of DNS records gets no finding.

// serviceTypes are the resources that run a team's service: a plan holding
// one deploys software that can be load-tested, released and rolled back.
var serviceTypes = []string{
	"aws_ecs_service", "aws_lambda_function", "aws_autoscaling_group", "aws_eks_node_group",
	"aws_apprunner_service", "aws_elastic_beanstalk_environment",
	"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
	"kubernetes_manifest", "helm_release",
	"google_cloud_run_service", "google_cloud_run_v2_service", "google_compute_instance_group_manager",
	"azurerm_linux_virtual_machine_scale_set",
}

// services returns the resources of p that run a team's service: a
// Kubernetes workload (a kubernetes_manifest only when it holds one, a
// helm_release only when its chart is no cluster add-on) or a service of
// the other serviceTypes.
func services(p *model.Plan) []*model.Resource {
	var out []*model.Resource
	for _, r := range p.OfType(serviceTypes...) {
		switch r.Type {
		case "kubernetes_manifest":
			if _, ok := k8sWorkloadOf(r); !ok {
				continue
			}
		case "helm_release":
			if _, infra := helmInfrastructure(r); infra {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// someOf names a few resources for evidence: the first three, then how
// many more.
func someOf(rs []*model.Resource) string {
	const shown = 3
	if len(rs) <= shown {
		return addresses(rs)
	}
	return fmt.Sprintf("%s and %d more", addresses(rs[:shown]), len(rs)-shown)
}

// evidenceVerdict is an evidence check's one finding for a plan: pass with
// what was found, or unknown with why not and what made the item apply
// (scope, named under scopeName).
func evidenceVerdict(found []check.Evidence, passMsg, unknownMsg, scopeName string, scope []*model.Resource, notes ...check.Evidence) []check.Finding {
	if len(found) > 0 {
		return []check.Finding{pass(passMsg, found...)}
	}
	if len(scope) > 0 {
		notes = append(notes, evText(scopeName, "%s", someOf(scope)))
	}
	return []check.Finding{unknown(unknownMsg, notes...)}
}

// manifestKind returns a kubernetes_manifest's apiVersion group and kind,
// as "k6.io" and "TestRun".
func manifestKind(r *model.Resource) (group, kind string) {
	api, _ := r.Attr("manifest", "apiVersion").Str()
	kind, _ = r.Attr("manifest", "kind").Str()
	group, _, _ = strings.Cut(api, "/")
	return group, kind
}

// ofTypePrefix returns the managed resources of p whose type starts with
// one of the prefixes.
func ofTypePrefix(p *model.Plan, prefixes ...string) []*model.Resource {
	var out []*model.Resource
	for _, r := range p.Resources {
		if !r.Managed() || !r.Exists() {
			continue
		}
		for _, prefix := range prefixes {
			if strings.HasPrefix(r.Type, prefix) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
