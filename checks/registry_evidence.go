package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// evidenceChecks is the registry of the evidence checks (Meta.Evidence:
// pass or unknown, never fail) that show a team's tooling for a checklist
// item exists: one line per check.
var evidenceChecks = []check.Check{
	ServiceLevelObjective,
	LoadTesting,
	SyntheticMonitoring,
	CICDPipeline,
	APIOpenAPIDefinition,
	ReleaseVersioning,
	ChangeApprovalGate,
	FeatureFlagRollout,
	DisasterRecoveryDrill,
	ComplianceStandards,
	CodeCoverageGate,
}
