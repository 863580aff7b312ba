package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleMIGAutoscaling requires managed instance groups to have an
// autoscaler.
var GoogleMIGAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "google_mig_autoscaling",
		Title:         "Managed instance group has an autoscaler",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_compute_instance_group_manager", "google_compute_region_instance_group_manager"},
		Description: "A managed instance group without an autoscaler keeps target_size instances whatever the " +
			"load: a spike saturates them, and quiet hours pay for idle ones. An autoscaler whose target is the " +
			"group resizes it between min_replicas and max_replicas.",
		Remediation: "Add a google_compute_region_autoscaler (or google_compute_autoscaler for a zonal group) " +
			"whose target is the group, with max_replicas above min_replicas.",
		Example: `resource "google_compute_region_autoscaler" "web" {
  name   = "web"
  region = "europe-west1"
  target = google_compute_region_instance_group_manager.web.id
  autoscaling_policy {
    min_replicas = 3
    max_replicas = 12
    cpu_utilization {
      target = 0.6
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		scalers := migAutoscalers(p, r)
		if len(scalers) == 0 {
			return fail("no autoscaler in this plan targets the group: its size is fixed", ev(p, r, "target_size"))
		}
		as := scalers[0]
		lo, hi := as.Attr("autoscaling_policy", 0, "min_replicas"), as.Attr("autoscaling_policy", 0, "max_replicas")
		e := []check.Evidence{
			evText("autoscaler", "%s targets this group", as.Address),
			ev(p, as, "autoscaling_policy", 0, "min_replicas"),
			ev(p, as, "autoscaling_policy", 0, "max_replicas"),
		}
		min, okMin := lo.Number()
		max, okMax := hi.Number()
		switch {
		case !okMax || (!okMin && !lo.Null()):
			return unknown("the autoscaler's bounds are known only after apply", e...)
		case max > min:
			return pass(fmt.Sprintf("an autoscaler resizes the group between %g and %g instances", min, max), e...)
		}
		return fail("the autoscaler's bounds leave no room to grow", e...)
	},
}

// migAutoscalers returns the autoscalers whose target is the group: by
// reference first, by its known self link or ID otherwise.
func migAutoscalers(p *model.Plan, mig *model.Resource) []*model.Resource {
	var values []string
	for _, attr := range []string{"self_link", "id", "instance_group"} {
		values = append(values, strAt(mig, attr))
	}
	return migTargets.to(p, mig, values...)
}

// migTargets finds the autoscalers whose target refers to an instance group
// manager or holds one of its known links.
var migTargets = &backLink{types: []string{"google_compute_autoscaler", "google_compute_region_autoscaler"}, attr: "target"}
