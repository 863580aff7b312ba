package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSLogShipping(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"add-on ships the logs of the cluster it names, not the other one's": {"testdata/eks_addons/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
			Fail: []string{"aws_eks_cluster.batch"},
		}},
		"aws-for-fluent-bit release": {"testdata/eks_helm/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"Fargate aws-logging ConfigMap": {"testdata/eks_scraper/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"application deployed and no shipper": {"testdata/eks_helm_gaps/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"datadog with datadog.logs.enabled=false": {"testdata/eks_datadog_off/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"datadog whose values are known only after apply": {"testdata/eks_helm_unknown/plan.json", checktest.Want{
			Unknown: []string{"aws_eks_cluster.main"},
		}},
		"nothing deployed into the cluster": {"testdata/eks_bare/plan.json", checktest.Want{
			Unknown: []string{"aws_eks_cluster.main"},
		}},
		"no cluster": {"testdata/eks_ecr/plan.json", checktest.Want{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSEKSLogShipping, tc.fixture, tc.want)
		})
	}
}
