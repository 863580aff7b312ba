package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSTracing(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"add-ons collect traces for the cluster they name only": {"testdata/eks_addons/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
			Fail: []string{"aws_eks_cluster.batch"},
		}},
		"opentelemetry-operator release": {"testdata/eks_helm/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"Rollout asking for Python instrumentation": {"testdata/eks_scraper/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"deployment exporting to an OTLP endpoint": {"testdata/eks_helm_unknown/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"application deployed and no collector": {"testdata/eks_helm_gaps/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"datadog with its APM socket off": {"testdata/eks_datadog_off/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"nothing deployed into the cluster": {"testdata/eks_bare/plan.json", checktest.Want{
			Unknown: []string{"aws_eks_cluster.main"},
		}},
		"no cluster": {"testdata/eks_ingress/plan.json", checktest.Want{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSEKSTracing, tc.fixture, tc.want)
		})
	}
}
