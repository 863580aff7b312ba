package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSControlPlaneLogs requires EKS clusters to send their API and audit
// logs to CloudWatch.
var AWSEKSControlPlaneLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_control_plane_logs",
		Title:         "EKS cluster sends control-plane logs to CloudWatch",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_cluster"},
		Description: "The EKS control plane runs in AWS's account: its API server, audit and authenticator " +
			"logs exist only if the cluster sends them to CloudWatch Logs. Without the api and audit logs " +
			"there is no record of who changed what in the cluster, or why the API server refused requests.",
		Remediation: "Set enabled_cluster_log_types to at least [\"api\", \"audit\", \"authenticator\"] (all " +
			"five types for full coverage) and give the /aws/eks/<name>/cluster log group a retention.",
		Example: `resource "aws_eks_cluster" "main" {
  # ...
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("enabled_cluster_log_types")
		e := ev(p, r, "enabled_cluster_log_types")
		if a.Unknown {
			return unknown("enabled_cluster_log_types is known only after apply", e)
		}
		have := map[string]bool{}
		for _, t := range a.Strings() {
			have[t] = true
		}
		var missing []string
		for _, t := range []string{"api", "audit", "authenticator"} {
			if !have[t] {
				missing = append(missing, t)
			}
		}
		switch {
		case len(have) == 0:
			return fail("the cluster sends no control-plane logs", e)
		case len(missing) > 0:
			return fail("the cluster does not send its "+strings.Join(missing, ", ")+" logs", e)
		}
		return pass("the cluster sends its api, audit and authenticator logs to CloudWatch", e)
	},
}
