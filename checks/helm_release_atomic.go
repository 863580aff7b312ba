package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// HelmReleaseAtomic requires the team's Helm releases to roll a failed
// upgrade back on their own.
var HelmReleaseAtomic = check.Check{
	Meta: check.Meta{
		ID:            "helm_release_atomic",
		Title:         "Helm release rolls back a failed upgrade automatically",
		Section:       "deployment",
		Category:      "rollback",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: []string{"helm_release"},
		Description: "Without atomic, an upgrade whose pods never become ready leaves the release failed, half " +
			"rolled out, until someone runs helm rollback by hand (and Terraform's next apply fails on the failed " +
			"release). With atomic = true the Helm provider waits for the upgrade and rolls it back to the last " +
			"good revision when it fails, or uninstalls a failed first install. cleanup_on_fail alone only deletes " +
			"the objects the failed upgrade created: it does not roll back. Only the team's own releases are " +
			"judged: the charts of cluster add-ons (ingress controllers, cert-manager, monitoring and log " +
			"shippers, Karpenter, ...) are skipped.",
		Remediation: "Set atomic = true on the helm_release (it implies wait), with cleanup_on_fail = true and a " +
			"max_history that keeps a few revisions to roll back to.",
		Example: `resource "helm_release" "api" {
  name            = "api"
  chart           = "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts/api"
  version         = "1.4.2"
  atomic          = true
  cleanup_on_fail = true
  max_history     = 10
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if _, infra := helmInfrastructure(r); infra {
			return check.Skip
		}
		v, e, why := settle(p, r, false, "atomic")
		on, isBool := boolOf(v)
		switch {
		case why != "":
			return unknown(why, e)
		case !isBool:
			return unknown("atomic is not a boolean", e)
		case on:
			return pass("a failed upgrade rolls back to the last good revision on its own", e)
		}
		if cleanup, _ := r.Attr("cleanup_on_fail").Bool(); cleanup {
			return fail("a failed upgrade stays half rolled out until someone rolls it back: cleanup_on_fail "+
				"deletes what it created, but does not roll back", e, ev(p, r, "cleanup_on_fail"))
		}
		return fail("a failed upgrade stays half rolled out until someone rolls it back by hand", e)
	},
}
