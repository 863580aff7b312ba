package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestKubernetesIngressTLS(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"typed and manifest Ingresses": {"testdata/eks_ingress/plan.json", checktest.Want{
			Pass: []string{"kubernetes_ingress_v1.tls", "kubernetes_ingress_v1.alb_cert", "kubernetes_ingress_v1.alb_ports",
				"kubernetes_manifest.web"},
			Fail: []string{"kubernetes_ingress_v1.plain", "kubernetes_ingress_v1.internal", "kubernetes_ingress_v1.public_http",
				"kubernetes_manifest.admin"},
			Unknown: []string{"kubernetes_ingress_v1.cert_later"},
		}},
		"no Ingress (a Rollout manifest)": {"testdata/eks_scraper/plan.json", checktest.Want{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, KubernetesIngressTLS, tc.fixture, tc.want)
		})
	}
}

func TestKubernetesIngressTLSInternalALBIsMedium(t *testing.T) {
	t.Parallel()
	rep := checktest.Run(t, KubernetesIngressTLS, checktest.Load(t, "testdata/eks_ingress/plan.json"))
	want := map[string]check.Severity{
		"kubernetes_ingress_v1.internal":    check.SeverityMedium,
		"kubernetes_ingress_v1.public_http": check.SeverityHigh,
		"kubernetes_ingress_v1.plain":       check.SeverityHigh,
	}
	for _, r := range rep.Results {
		if s, ok := want[r.Address]; ok && r.Severity != s {
			t.Errorf("%s: severity %s, want %s", r.Address, r.Severity, s)
		}
	}
}
