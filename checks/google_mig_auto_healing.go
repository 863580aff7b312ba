package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleMIGAutoHealing requires managed instance groups to recreate
// instances that fail an application health check.
var GoogleMIGAutoHealing = check.Check{
	Meta: check.Meta{
		ID:            "google_mig_auto_healing",
		Title:         "Managed instance group heals instances that fail a health check",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_compute_instance_group_manager", "google_compute_region_instance_group_manager"},
		Description: "Without an auto-healing policy a managed instance group only replaces instances that stop " +
			"running; an instance whose application hangs or crashes keeps its place (and, behind a load balancer, " +
			"its share of errors). An auto-healing policy recreates instances that fail a health check.",
		Remediation: "Add auto_healing_policies with a google_compute_health_check of the application and an " +
			"initial_delay_sec long enough for it to start.",
		Example: `resource "google_compute_region_instance_group_manager" "web" {
  # ...
  auto_healing_policies {
    health_check      = google_compute_health_check.web.id
    initial_delay_sec = 300
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("auto_healing_policies")
		e := ev(p, r, "auto_healing_policies")
		switch {
		case a.Unknown:
			return unknown("auto_healing_policies is known only after apply", e)
		case len(a.List()) == 0:
			return fail("instances whose application fails are never replaced", e)
		}
		hc := r.Attr("auto_healing_policies", 0, "health_check")
		if hc.Null() {
			return fail("the auto-healing policy names no health check", ev(p, r, "auto_healing_policies", 0, "health_check"))
		}
		return pass("instances that fail the health check are recreated", ev(p, r, "auto_healing_policies", 0, "health_check"))
	},
}
