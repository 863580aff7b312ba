package checks

import (
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestHelmInfrastructure(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		chart, repository string
		infra             bool
	}{
		"ingress controller":          {"ingress-nginx", "https://kubernetes.github.io/ingress-nginx", true},
		"cert-manager":                {"cert-manager", "https://charts.jetstack.io", true},
		"kube-prometheus-stack":       {"kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", true},
		"fluent-bit":                  {"fluent-bit", "https://fluent.github.io/helm-charts", true},
		"load balancer controller":    {"aws-load-balancer-controller", "https://aws.github.io/eks-charts", true},
		"karpenter from OCI":          {"oci://public.ecr.aws/karpenter/karpenter", "", true},
		"repo/name form":              {"eks/aws-node-termination-handler", "", true},
		"an operator":                 {"strimzi-kafka-operator", "https://strimzi.io/charts/", true},
		"any chart of an add-on repo": {"kube-state-metrics-extra", "https://prometheus-community.github.io/helm-charts", true},
		"a local chart":               {"./charts/orders", "", false},
		"the team's registry":         {"orders", "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts", false},
		"an archive":                  {"https://charts.example.com/api-1.2.3.tgz", "", false},
		"a gateway service":           {"gateway", "https://charts.example.com", false},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			after := model.Object{{Name: "chart", Value: tc.chart}, {Name: "repository", Value: tc.repository}}
			why, infra := helmInfrastructure(&model.Resource{Type: "helm_release", After: after})
			if infra != tc.infra {
				t.Errorf("helmInfrastructure(%q, %q) = %v (%s), want %v", tc.chart, tc.repository, infra, why, tc.infra)
			}
		})
	}
}

func TestHelmChartName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"api":                                   "api",
		"bitnami/postgresql":                    "postgresql",
		"oci://registry.example.com/charts/api": "api",
		"./charts/api/":                         "api",
		"https://example.com/api-1.2.3.tgz":     "api",
		"https://example.com/my-api-0.1.0.tgz":  "my-api",
	} {
		r := &model.Resource{Type: "helm_release", After: model.Object{{Name: "chart", Value: in}}}
		if got := helmChartName(r); got != want {
			t.Errorf("helmChartName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHelmSensitiveValues holds every workload check to never showing a
// set_sensitive value (or a sensitive variable's), judged or not.
func TestHelmSensitiveValues(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/helm_releases/plan.json")
	for _, c := range kubernetesChecks {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			rep := checktest.Run(t, c, p)
			for _, r := range rep.Results {
				text := r.Message
				for _, e := range r.Evidence {
					text += " " + e.Attribute + " " + e.Value
				}
				if strings.Contains(text, "s3cr3t") {
					t.Errorf("%s on %s shows a sensitive value: %s", c.ID, r.Address, text)
				}
				// The release's own redaction, before the plan-wide scrubber.
				for _, e := range r.Evidence {
					if strings.Contains(e.Attribute, "set_sensitive") && e.Value != model.Redacted {
						t.Errorf("%s on %s: %s = %s, want %s", c.ID, r.Address, e.Attribute, e.Value, model.Redacted)
					}
				}
			}
		})
	}
}

// TestHelmHiddenNamesChart holds every unknown a release's chart causes to
// name the chart, and no release to pass on a key it does not set.
func TestHelmHiddenNamesChart(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/helm_releases/plan.json")
	for _, c := range kubernetesChecks {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			for _, r := range checktest.Run(t, c, p).Results {
				if r.Address != "helm_release.search" {
					continue
				}
				if r.Status == check.StatusPass {
					t.Errorf("%s passes a release that sets nothing: %s", c.ID, r.Message)
				}
				if r.Status == check.StatusUnknown && !strings.Contains(r.Message, `chart "search" (repository https://charts.example.com, version 0.9.0)`) {
					t.Errorf("%s: unknown without naming the chart: %s", c.ID, r.Message)
				}
			}
		})
	}
}
