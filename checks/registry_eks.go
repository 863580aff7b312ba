package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// eksChecks is the registry of this domain (EKS observability add-ons, image scanning and ingress): one line per check.
var eksChecks = []check.Check{
	AWSEKSLogShipping,
	AWSEKSTracing,
	EKSMetricsHistory,
	AWSECRImageScanning,
	KubernetesIngressTLS,
}
