package checks

import (
	"testing"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestEKSMetricsHistory(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"Container Insights add-on for one cluster of two": {"testdata/eks_addons/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
			Fail: []string{"aws_eks_cluster.batch"},
		}},
		"kube-prometheus-stack keeping 30d on a volume": {"testdata/eks_helm/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"managed Prometheus scraper": {"testdata/eks_scraper/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"datadog agent": {"testdata/eks_datadog_off/plan.json", checktest.Want{
			Pass: []string{"aws_eks_cluster.main"},
		}},
		"kube-prometheus-stack without storageSpec": {"testdata/eks_helm_gaps/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"kube-prometheus-stack keeping 3d": {"testdata/eks_helm_retention/plan.json", checktest.Want{
			Fail: []string{"aws_eks_cluster.main"},
		}},
		"nothing deployed into the cluster": {"testdata/eks_bare/plan.json", checktest.Want{
			Unknown: []string{"aws_eks_cluster.main"},
		}},
		"no cluster": {"testdata/eks_ecr/plan.json", checktest.Want{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, EKSMetricsHistory, tc.fixture, tc.want)
		})
	}
}

func TestPromDuration(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Duration{
		"10d": 240 * time.Hour, "2w": 336 * time.Hour, "720h": 720 * time.Hour, "1d12h": 36 * time.Hour,
		"1y": 8760 * time.Hour, "": -1, "d": -1, "10x": -1, "7": -1,
	} {
		got, ok := promDuration(in)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("promDuration(%q) = %v, want %v", in, got, want)
		}
	}
}
