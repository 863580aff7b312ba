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
				"kubernetes_manifest.web",
				// group_web has no certificate: group_api, in its ALB group, gives the shared ALB one.
				"kubernetes_ingress_v1.group_api", "kubernetes_ingress_v1.group_web"},
			Fail: []string{"kubernetes_ingress_v1.plain", "kubernetes_ingress_v1.internal", "kubernetes_ingress_v1.public_http",
				"kubernetes_manifest.admin"},
			// group_other's group has no Ingress with a certificate in the plan.
			Unknown: []string{"kubernetes_ingress_v1.cert_later", "kubernetes_ingress_v1.group_other"},
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
		// NGINX: its controller's load balancer may terminate TLS.
		"kubernetes_ingress_v1.plain": check.SeverityMedium,
	}
	for _, r := range rep.Results {
		if s, ok := want[r.Address]; ok && r.Severity != s {
			t.Errorf("%s: severity %s, want %s", r.Address, r.Severity, s)
		}
	}
}
