package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// alertingChecks is the registry of this domain (alert rules, routing and dashboards across CloudWatch, Prometheus, Grafana, Datadog and New Relic): one line per check.
var alertingChecks = []check.Check{}
