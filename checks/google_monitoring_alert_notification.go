package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleMonitoringAlertNotification requires alert policies to notify
// someone.
var GoogleMonitoringAlertNotification = check.Check{
	Meta: check.Meta{
		ID:            "google_monitoring_alert_notification",
		Title:         "Alert policy is enabled and notifies a channel",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_monitoring_alert_policy"},
		Description: "An alert policy without notification channels opens incidents that nobody hears about, " +
			"and a disabled one opens none: either way the outage is found by users.",
		Remediation: "List at least one google_monitoring_notification_channel (PagerDuty, email, Slack, " +
			"Pub/Sub) in notification_channels, and keep enabled = true.",
		Example: `resource "google_monitoring_alert_policy" "db_cpu" {
  display_name          = "Cloud SQL CPU"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.oncall.id]
  conditions {
    # ...
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		enabled, eOn, why := settle(p, r, true, "enabled")
		if on, ok := boolOf(enabled); why == "" && ok && !on {
			return fail("the alert policy is disabled", eOn)
		}
		ch := r.Attr("notification_channels")
		e := ev(p, r, "notification_channels")
		switch {
		case ch.Unknown:
			return unknown("notification_channels is known only after apply", e)
		case len(ch.List()) == 0:
			return fail("the alert policy notifies nobody: its incidents go unnoticed", e)
		case why != "":
			return unknown(why, eOn, e)
		}
		if refs := p.Refs(r, "notification_channels"); len(refs) > 0 {
			e = evText("notification_channels", "refers to %s", refs[0].Address)
		}
		return pass("the alert policy notifies its channels", e)
	},
}
