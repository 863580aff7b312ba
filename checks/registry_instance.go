package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// instanceChecks is the registry of this domain: one line per check.
var instanceChecks = []check.Check{
	InstancePreviousGeneration,
	InstanceBurstableDatabase,
	InstanceTinySize,
	InstanceGPUWorkloadWithoutGPU,
	InstanceGPUUnrequested,
	AWSEKSGPUAMIType,
	NodePoolSpotCapacity,
}
