package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// kubernetesChecks is the registry of this domain: one line per check.
var kubernetesChecks = []check.Check{
	KubernetesWorkloadReplicas,
	KubernetesWorkloadProbes,
	KubernetesWorkloadResources,
	KubernetesWorkloadAutoscaling,
	KubernetesWorkloadDisruptionBudget,
	KubernetesWorkloadTopologySpread,
	KubernetesDeploymentRollingUpdate,
	KubernetesProgressiveDelivery,
	HelmReleaseAtomic,
}
