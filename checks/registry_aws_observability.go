package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsObservabilityChecks is the registry of this domain: one line per check.
var awsObservabilityChecks = []check.Check{
	AWSAlarmCoverage,
	AWSAlarmActions,
	AWSAlarmOnCall,
	AWSAlarmRunbook,
	AWSLogGroupRetention,
	AWSCloudTrailMultiRegion,
	AWSVPCFlowLogs,
	AWSAPIGatewayAccessLogs,
	AWSLambdaTracing,
	AWSAPIGatewayTracing,
	// Transitions: what the plan weakens, beside what it leaves.
	AWSAlarmActionsRemoved,
}
