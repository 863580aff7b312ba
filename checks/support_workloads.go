package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// What a resource is for, where a check judges only the resources that
// serve traffic or hold data: a bastion host does neither (people pass
// through it), and neither does the table the Terraform S3 backend locks
// its state with. Each answer says why, for the evidence of a skip and for
// tests.

// bastionHost reports whether an EC2 instance or an Auto Scaling group is a
// bastion (jump host): its name, address or Name tag says bastion or jump,
// or (an instance only) every ingress rule of its security groups admits
// SSH or RDP alone and nothing sends it traffic or attaches a volume to it.
// Whatever the plan cannot show keeps it a workload.
func bastionHost(p *model.Plan, r *model.Resource) (string, bool) {
	for _, name := range hostNames(r) {
		if bastionWord(name) {
			return fmt.Sprintf("named %q", name), true
		}
	}
	if r.Type != "aws_instance" {
		return "", false
	}
	if len(p.Referrers(r, servingTypes...)) > 0 {
		return "", false
	}
	sgs, ok := instanceSecurityGroups(p, r)
	if !ok {
		return "", false
	}
	rules := 0
	for _, sg := range sgs {
		n, adminOnly := adminOnlyIngress(p, sg)
		if !adminOnly {
			return "", false
		}
		rules += n
	}
	if rules == 0 {
		return "", false
	}
	return fmt.Sprintf("its security groups (%s) admit SSH or RDP only, and nothing in the plan sends it traffic", addresses(sgs)), true
}

// servingTypes are the resources that send an instance traffic or give it
// data to hold: load balancer registrations and volume attachments.
var servingTypes = []string{
	"aws_lb_target_group_attachment", "aws_alb_target_group_attachment", "aws_elb", "aws_elb_attachment",
	"aws_volume_attachment",
}

// hostNames are the names a host goes by: the parts of its address, and
// the names its type holds (an instance's Name tag; an Auto Scaling group's
// name, name prefix and Name tag, from its tag blocks or aws 3's tags list).
func hostNames(r *model.Resource) []string {
	var out []string
	a := r.Addr()
	var names []string
	for _, m := range a.Module() {
		names = append(names, m.Name)
	}
	if !r.Managed() {
		names = append(names, "data")
	}
	for _, name := range append(names, a.Name()) {
		if name != "module" && name != r.Type {
			out = append(out, name)
		}
	}
	add := func(path ...model.Step) {
		if s := strAt(r, path...); s != "" {
			out = append(out, s)
		}
	}
	switch r.Type {
	case "aws_instance":
		add("tags", "Name")
		add("tags_all", "Name")
	case "aws_autoscaling_group":
		add("name")
		add("name_prefix")
		for _, attr := range []string{"tag", "tags"} {
			for _, t := range r.Attr(attr).List() {
				o, _ := t.(model.Object)
				if k, _ := o.Get("key"); k == "Name" {
					if v, ok := o.Get("value"); ok {
						if s, ok := v.(string); ok {
							out = append(out, s)
						}
					}
				}
			}
		}
	}
	return out
}

// bastionWord reports whether a name has a word that names a bastion or
// jump host: bastion, bastion01, jump, jumpbox, jumphost (prod-bastion,
// jump_host, JumpBox), but not jumpstart.
func bastionWord(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(c rune) bool {
		return (c < 'a' || c > 'z') && (c < '0' || c > '9')
	})
	for _, w := range words {
		w = strings.TrimRight(w, "0123456789")
		switch {
		case strings.HasPrefix(w, "bastion"):
			return true
		case w == "jump", w == "jumpbox", w == "jumphost", w == "jumpserver":
			return true
		}
	}
	return false
}

// instanceSecurityGroups returns the security groups of an instance when
// the plan shows every one of them: referred to from vpc_security_group_ids
// or security_groups (and nothing else referred to there), or known IDs of
// groups in the plan. ok is false otherwise, and when the instance names
// none (it then gets the VPC's default group).
func instanceSecurityGroups(p *model.Plan, r *model.Resource) (sgs []*model.Resource, ok bool) {
	seen := map[*model.Resource]bool{}
	add := func(sg *model.Resource) {
		if !seen[sg] {
			seen[sg] = true
			sgs = append(sgs, sg)
		}
	}
	for _, attr := range []string{"vpc_security_group_ids", "security_groups"} {
		a := r.Attr(attr)
		if !a.Unknown {
			for _, v := range a.List() {
				id, _ := v.(string)
				found := p.WithValue(id, model.Path{"id"}, "aws_security_group")
				if attr == "security_groups" && len(found) == 0 {
					found = p.WithValue(id, model.Path{"name"}, "aws_security_group")
				}
				if id == "" || len(found) != 1 {
					return nil, false
				}
				add(found[0])
			}
			continue
		}
		if r.Configured(attr) == model.NotSet {
			continue // computed: the groups another argument names
		}
		for _, ref := range r.ExprRefs(attr) {
			if !strings.HasPrefix(ref, "aws_security_group.") {
				return nil, false // a variable, local, module output or data source
			}
		}
		refs := p.Refs(r, attr)
		if len(refs) == 0 {
			return nil, false
		}
		for _, sg := range refs {
			if sg.Type != "aws_security_group" {
				return nil, false
			}
			add(sg)
		}
	}
	return sgs, len(sgs) > 0
}

// adminOnlyIngress reports whether every ingress rule of a security group
// (inline, aws_security_group_rule, aws_vpc_security_group_ingress_rule)
// is known and admits TCP 22 (SSH) or 3389 (RDP) alone, and how many rules
// it has.
func adminOnlyIngress(p *model.Plan, sg *model.Resource) (rules int, adminOnly bool) {
	var all []portRule
	ing := sg.Attr("ingress")
	switch {
	case !ing.Unknown:
		marks, _ := model.Lookup(sg.AfterUnknown, model.Path{"ingress"})
		for i, x := range ing.List() {
			o, _ := x.(model.Object)
			m, _ := model.Lookup(marks, model.Path{i})
			all = append(all, sgRuleFromObject(o, cidrMarks(m)))
		}
	case sg.Configured("ingress") != model.NotSet:
		return 0, false
	}
	id := strAt(sg, "id")
	for _, rule := range linkedThrough(p, sg, "security_group_id", id, "aws_security_group_rule") {
		if t, _ := rule.Attr("type").Str(); t != "ingress" {
			continue
		}
		o, _ := rule.After.(model.Object)
		all = append(all, sgRuleFromObject(o, cidrMarks(rule.AfterUnknown)))
	}
	for _, rule := range linkedThrough(p, sg, "security_group_id", id, "aws_vpc_security_group_ingress_rule") {
		all = append(all, vpcIngressRule(rule))
	}
	for _, rule := range all {
		proto := strings.ToLower(rule.protocol)
		if !rule.known || (proto != "tcp" && proto != "6") || rule.from != rule.to || (rule.from != 22 && rule.from != 3389) {
			return len(all), false
		}
	}
	return len(all), true
}

// stateLockTable reports whether a DynamoDB table is the lock table of
// Terraform's S3 backend, whose hash key the backend requires to be LockID.
func stateLockTable(r *model.Resource) bool {
	return r.Type == "aws_dynamodb_table" && strAt(r, "hash_key") == "LockID"
}

// helmInfrastructure reports whether a helm_release installs a cluster
// add-on rather than the team's own service, and why. The workload checks
// judge only the team's services: an ingress controller, cert-manager or
// a log shipper is the platform's, sized and rolled out by its chart's
// authors, and its values follow no common convention. A release is an
// add-on when its chart's name is one of helmInfraCharts, ends in one of
// helmInfraSuffixes, or comes from a repository that publishes add-ons
// only (helmInfraRepos); anything else (a local chart, the team's own
// registry, a general-purpose repository) is an application.
func helmInfrastructure(r *model.Resource) (string, bool) {
	name := helmChartName(r)
	if helmInfraCharts[name] {
		return fmt.Sprintf("chart %q is a cluster add-on", name), true
	}
	for _, suffix := range helmInfraSuffixes {
		if strings.HasSuffix(name, suffix) {
			return fmt.Sprintf("chart %q is a cluster add-on (%s)", name, suffix), true
		}
	}
	repo := strings.ToLower(strAt(r, "repository"))
	if repo == "" {
		repo = strings.ToLower(strAt(r, "chart"))
	}
	for _, host := range helmInfraRepos {
		if strings.Contains(repo, host) {
			return fmt.Sprintf("repository %q publishes cluster add-ons", host), true
		}
	}
	return "", false
}

// helmChartName is a release's chart name without its repository, path,
// archive extension or version: oci://reg/charts/api, ./charts/api and
// https://example.com/api-1.2.3.tgz are all "api".
func helmChartName(r *model.Resource) string {
	name := strings.TrimRight(strings.ToLower(strAt(r, "chart")), "/")
	name = name[strings.LastIndexByte(name, '/')+1:]
	if base, ok := strings.CutSuffix(name, ".tgz"); ok {
		name = base
		if i := strings.LastIndexByte(name, '-'); i > 0 && i+1 < len(name) && name[i+1] >= '0' && name[i+1] <= '9' {
			name = name[:i]
		}
	}
	return name
}

// helmInfraCharts are the charts of cluster add-ons: ingress and service
// mesh, certificates and DNS, autoscaling of nodes and pods, metrics, logs
// and traces, secrets, policy, backup and delivery controllers.
var helmInfraCharts = map[string]bool{
	// ingress, gateways and service mesh
	"ingress-nginx": true, "nginx-ingress": true, "traefik": true, "haproxy-ingress": true, "kubernetes-ingress": true,
	"contour": true, "kong": true, "ambassador": true, "emissary-ingress": true, "aws-load-balancer-controller": true,
	"istio-base": true, "istiod": true, "istio-ingress": true, "linkerd2": true,
	"linkerd-control-plane": true, "linkerd-crds": true, "cilium": true, "calico": true, "tigera-operator": true,
	"aws-vpc-cni": true, "coredns": true,
	// certificates, DNS, secrets, policy
	"cert-manager": true, "external-dns": true, "external-secrets": true, "secrets-store-csi-driver": true,
	"secrets-store-csi-driver-provider-aws": true, "sealed-secrets": true, "vault": true, "kyverno": true,
	"gatekeeper": true, "reloader": true,
	// node and pod autoscaling, scheduling
	"karpenter": true, "karpenter-crd": true, "cluster-autoscaler": true, "metrics-server": true, "keda": true, "vertical-pod-autoscaler": true,
	"vpa": true, "descheduler": true, "aws-node-termination-handler": true, "cluster-proportional-autoscaler": true,
	// storage and backup
	"aws-ebs-csi-driver": true, "aws-efs-csi-driver": true, "velero": true,
	// devices, identity and cloud resources
	"nvidia-device-plugin": true, "eks-pod-identity-agent": true, "crossplane": true,
	// metrics, logs, traces
	"kube-prometheus-stack": true, "prometheus": true, "prometheus-operator": true, "kube-state-metrics": true,
	"prometheus-node-exporter": true, "prometheus-adapter": true, "prometheus-blackbox-exporter": true, "grafana": true,
	"loki": true, "loki-stack": true, "promtail": true, "tempo": true, "tempo-distributed": true, "mimir-distributed": true,
	"alloy": true, "grafana-agent": true, "fluent-bit": true, "fluentd": true, "aws-for-fluent-bit": true,
	"aws-cloudwatch-metrics": true, "amazon-cloudwatch-observability": true, "adot-exporter-for-eks-on-ec2": true,
	"opentelemetry-collector": true, "jaeger": true, "datadog": true, "newrelic-bundle": true, "nri-bundle": true,
	"elastic-agent": true, "filebeat": true, "metricbeat": true, "vector": true, "vector-agent": true,
	"fluentd-elasticsearch": true, "k8s-monitoring": true, "opentelemetry-kube-stack": true, "aws-otel-collector": true,
	"aws-xray-daemon": true, "xray-daemon": true, "splunk-otel-collector": true, "splunk-connect-for-kubernetes": true,
	"sumologic": true,
	// delivery
	"argo-cd": true, "argo-rollouts": true, "argo-workflows": true, "flagger": true, "flux2": true,
	"actions-runner-controller": true, "gha-runner-scale-set-controller": true,
}

// helmInfraSuffixes name add-ons by convention: operators, CSI drivers,
// CRD-only charts and Prometheus exporters.
var helmInfraSuffixes = []string{"-operator", "-csi-driver", "-crds", "-exporter"}

// helmInfraRepos are repositories that publish cluster add-ons only.
var helmInfraRepos = []string{
	"aws.github.io/eks-charts", "charts.jetstack.io", "prometheus-community.github.io", "kubernetes.github.io/ingress-nginx",
	"kubernetes-sigs.github.io", "fluent.github.io", "grafana.github.io", "argoproj.github.io", "charts.external-secrets.io",
	"public.ecr.aws/karpenter", "charts.karpenter.sh", "helm.cilium.io", "istio-release.storage.googleapis.com",
	"kedacore.github.io", "open-telemetry.github.io", "helm.datadoghq.com", "helm-charts.newrelic.com",
	"vmware-tanzu.github.io", "kyverno.github.io", "stakater.github.io", "bitnami-labs.github.io/sealed-secrets",
	"helm.traefik.io", "flagger.app", "fluxcd-community.github.io", "helm.releases.hashicorp.com",
}
