package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKELogging requires GKE clusters to send logs and metrics to Cloud
// Logging and Cloud Monitoring.
var GoogleGKELogging = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_logging",
		Title:         "GKE cluster sends logs and metrics to Cloud Operations",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_cluster"},
		Description: "With logging_service or monitoring_service set to \"none\" (or logging_config and " +
			"monitoring_config with no components), container logs and cluster metrics go nowhere: an incident " +
			"leaves no trace to investigate and nothing to alert on.",
		Remediation: "Leave logging_service and monitoring_service at their defaults " +
			"(logging.googleapis.com/kubernetes, monitoring.googleapis.com/kubernetes), or list SYSTEM_COMPONENTS " +
			"and WORKLOADS in logging_config.enable_components.",
		Example: `resource "google_container_cluster" "main" {
  name     = "prod"
  location = "europe-west1"
  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var evidence []check.Evidence
		var why string
		off := false
		for _, kind := range []string{"logging", "monitoring"} {
			on, e, reason := gkeTelemetry(p, r, kind)
			evidence = append(evidence, e...)
			switch {
			case reason != "":
				why = reason
			case !on:
				off = true
			}
		}
		switch {
		case off:
			return fail("the cluster discards its logs or metrics", evidence...)
		case why != "":
			return unknown(why, evidence...)
		}
		return pass("the cluster sends logs and metrics to Cloud Logging and Cloud Monitoring", evidence...)
	},
}

// gkeTelemetry judges one of a cluster's logging and monitoring settings:
// <kind>_service, or <kind>_config.enable_components when the service is not
// known.
func gkeTelemetry(p *model.Plan, r *model.Resource, kind string) (bool, []check.Evidence, string) {
	svc := r.Attr(kind + "_service")
	e := ev(p, r, kind+"_service")
	if s, ok := svc.Str(); ok && s != "" {
		return s != "none", []check.Evidence{e}, ""
	}
	comps, eComps, why := settle(p, r, nil, kind+"_config", 0, "enable_components")
	if why != "" || comps == nil {
		if why == "" {
			why = kind + "_service is not set and the provider decides it during apply"
		}
		return false, []check.Evidence{e, eComps}, why
	}
	list, _ := comps.([]any)
	return len(list) > 0, []check.Evidence{e, eComps}, ""
}
