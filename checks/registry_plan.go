package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// planChecks is the registry of this domain: one line per check.
var planChecks = []check.Check{
	DestructiveChange,
	CheckBlock,
	MonitoringDashboard,
	MultiRegion,
	OwnerTag,
}
