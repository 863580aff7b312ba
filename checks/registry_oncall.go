package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// onCallChecks is the registry of this domain (on-call rotations, escalation and incident response): one line per check.
var onCallChecks = []check.Check{
	OnCallRotation,
	OnCallEscalation,
	IncidentResponsePlan,
}
