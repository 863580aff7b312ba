package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/helmvalues"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the EKS observability checks (log shipping, tracing, metrics
// history): what the plan installs into a cluster, through EKS add-ons,
// Helm releases and Kubernetes objects, and whether it deploys application
// workloads there at all.
//
// A plan rarely says which cluster a helm_release or a Kubernetes object
// goes to: the helm and kubernetes providers are configured with the
// cluster's endpoint, which plan JSON does not tie to resources. So a
// release or object anywhere in the plan counts for every cluster of the
// plan; an add-on counts for the cluster its cluster_name names.

// eksTool is one resource that shows a capability in a cluster (a log
// shipper, a trace collector), or may show it once its values are known.
type eksTool struct {
	r    *model.Resource
	what string // "the amazon-cloudwatch-observability add-on"
	why  string // for an undecided tool: why the plan cannot tell
	e    check.Evidence
}

// eksSurvey is what a check found in the plan for one cluster.
type eksSurvey struct {
	found, undecided []eksTool
}

func (s *eksSurvey) add(t eksTool, ok bool, why string) {
	switch {
	case why != "":
		t.why = why
		s.undecided = append(s.undecided, t)
	case ok:
		s.found = append(s.found, t)
	}
}

// verdict turns a survey into a finding. found passes; otherwise an
// undecided tool is unknown; otherwise the cluster fails when the plan
// deploys application workloads (the team manages the cluster's contents
// here, so the missing tool is missing), and is unknown when it does not
// (the tool may come with the workloads, from another configuration).
func (s eksSurvey) verdict(p *model.Plan, c *model.Resource, passMsg, failMsg, tool string) check.Finding {
	if len(s.found) > 0 {
		t := s.found[0]
		return pass(fmt.Sprintf(passMsg, t.what), eksEvidence(s.found)...)
	}
	if len(s.undecided) > 0 {
		t := s.undecided[0]
		return unknown(fmt.Sprintf("%s may be a %s, but %s", t.what, tool, t.why), eksEvidence(s.undecided)...)
	}
	name := ev(p, c, "name")
	if apps := eksAppWorkloads(p); len(apps) > 0 {
		return fail(failMsg, name, evText("workloads", "%s", addresses(firstN(apps, 3))))
	}
	return unknown(fmt.Sprintf("the plan installs no %s and deploys no application workload into the cluster: "+
		"both may come from another configuration (GitOps, a separate stack)", tool), name,
		evText("workloads", "none in plan"))
}

func eksEvidence(ts []eksTool) []check.Evidence {
	out := make([]check.Evidence, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.e)
	}
	return out
}

func firstN[T any](l []T, n int) []T {
	if len(l) > n {
		return l[:n]
	}
	return l
}

// eksAddons adds to s the add-ons of cluster c named one of names.
func eksAddons(p *model.Plan, c *model.Resource, s *eksSurvey, names ...string) {
	for _, a := range p.OfType("aws_eks_addon") {
		tied, why := eksAddonOf(p, c, a)
		if !tied && why == "" {
			continue
		}
		t := eksTool{r: a, e: evAt(p, a, "addon_name")}
		name := a.Attr("addon_name")
		n, known := name.Str()
		switch {
		case name.Unknown:
			t.what = a.Address
			s.add(t, false, "its addon_name is known only after apply")
		case !known || !slices.Contains(names, n):
			continue
		default:
			t.what = "the " + n + " add-on"
			s.add(t, true, why)
		}
	}
}

// eksAddonOf reports whether add-on a belongs to cluster c: its
// cluster_name refers to the cluster or holds its name. When that is
// unknown it belongs to the plan's only cluster, and may belong to one of
// several (why says so).
func eksAddonOf(p *model.Plan, c, a *model.Resource) (tied bool, why string) {
	if slices.Contains(linkedThrough(p, c, "cluster_name", strAt(c, "name"), "aws_eks_addon"), a) {
		return true, ""
	}
	name, nameKnown := a.Attr("cluster_name").Str()
	own, ownKnown := c.Attr("name").Str()
	switch {
	case nameKnown && ownKnown && name != own:
		return false, ""
	case len(p.OfType("aws_eks_cluster")) == 1:
		return true, ""
	}
	return false, "its cluster_name is known only after apply, and the plan holds several clusters"
}

// eksCharts adds to s the Helm releases of the given charts. Each chart
// maps to the value key that must be true for the release to count (""
// when the chart counts as installed), and its default.
func eksCharts(p *model.Plan, s *eksSurvey, charts map[string]helmCondition) {
	for _, h := range p.OfType("helm_release") {
		chart := helmChartName(h)
		cond, ok := charts[chart]
		if !ok {
			continue
		}
		t := eksTool{r: h, what: fmt.Sprintf("%s (chart %s)", h.Address, chart), e: evAt(p, h, "chart")}
		if cond.key == "" {
			s.add(t, true, "")
			continue
		}
		on, why, e := helmFlag(p, h, cond.key, cond.dflt)
		t.e = e
		if why == "" && on {
			t.what += fmt.Sprintf(" with %s", cond.key)
		}
		s.add(t, on, why)
	}
}

// helmCondition is the chart value that must be true for a release to
// provide a capability; key "" when installing the chart provides it.
type helmCondition struct {
	key  string
	dflt bool
}

// helmFlag reads a boolean chart value of release h, as Helm merges its
// values documents and set entries (internal/helmvalues). A key no layer
// sets is the chart's: dflt says what the chart's values.yaml gives it.
func helmFlag(p *model.Plan, h *model.Resource, key string, dflt bool) (on bool, why string, e check.Evidence) {
	res, why, e := helmLookup(p, h, key)
	if why != "" {
		return false, why, e
	}
	on, ok := res.Bool(dflt)
	switch {
	case !ok:
		return false, fmt.Sprintf("its %s is not a boolean", key), e
	case !res.Found:
		e.Value = fmt.Sprintf("(not set: the chart defaults %s to %t)", key, dflt)
	}
	return on, "", e
}

// helmValue looks a chart value of release h up by its dotted key.
func helmValue(p *model.Plan, h *model.Resource, key string) (v any, found bool, why string, e check.Evidence) {
	res, why, e := helmLookup(p, h, key)
	return res.Value, res.Found && why == "", why, e
}

// helmLookup looks a chart value of release h up by its dotted key, with
// its evidence; why says why the plan cannot tell it.
func helmLookup(p *model.Plan, h *model.Resource, key string) (res helmvalues.Result, why string, e check.Evidence) {
	e = check.Evidence{Attribute: h.Address + " values " + key}
	path, err := helmvalues.ParseName(key)
	if err != nil {
		return res, fmt.Sprintf("%s is no chart value name", key), e
	}
	res = helmValuesOf(p, h).Lookup(path...)
	switch {
	case res.Unknown:
		e.Value = model.KnownAfterApply
		return res, fmt.Sprintf("its %s may be set where the plan cannot show it (%s)", key, res.Reason), e
	case !res.Found:
		e.Value = "(not set)"
		return res, "", e
	case res.Sensitive:
		e.Value = model.Redacted
	default:
		e.Value = p.Scrub(model.Render(res.Value))
	}
	e.Attribute += " (" + res.Source.String() + ")"
	return res, "", e
}

// helmValuesMention reports whether a release's values documents or set
// entries mention any of the words; why is non-empty when the values are
// known only after apply.
func helmValuesMention(h *model.Resource, words ...string) (mention bool, why string) {
	if h.Attr("values").Unknown || h.HasUnknown("values") {
		return false, "its values are known only after apply"
	}
	var texts []string
	for _, doc := range h.Attr("values").List() {
		if s, ok := doc.(string); ok {
			texts = append(texts, s)
		}
	}
	for _, entry := range h.Attr("set").List() {
		n, _ := fieldOf(entry, "name").(string)
		v, _ := fieldOf(entry, "value").(string)
		texts = append(texts, n, v)
	}
	for _, t := range texts {
		for _, w := range words {
			if strings.Contains(t, w) {
				return true, ""
			}
		}
	}
	return false, ""
}

// eksAppWorkloads lists what deploys application pods into a cluster:
// Deployments, StatefulSets and Argo Rollouts (typed or as manifests), and
// Helm releases of charts that are not cluster add-ons (helmInfrastructure).
func eksAppWorkloads(p *model.Plan) []*model.Resource {
	return p.Memo(eksAppWorkloadsKey{}, func() any {
		var out []*model.Resource
		for _, r := range p.OfType(eksPodTypes...) {
			if r.Type != "kubernetes_manifest" {
				out = append(out, r)
				continue
			}
			if kind, _ := r.Attr("manifest", "kind").Str(); kind == "Deployment" || kind == "StatefulSet" || kind == "Rollout" {
				out = append(out, r)
			}
		}
		for _, h := range p.OfType("helm_release") {
			if _, infra := helmInfrastructure(h); infra || helmChartName(h) == "" {
				continue
			}
			out = append(out, h)
		}
		return out
	}).([]*model.Resource)
}

type eksAppWorkloadsKey struct{}

// eksPodTypes are the Kubernetes provider's types that run pods as a
// Deployment, a StatefulSet or (as manifests) an Argo Rollout.
var eksPodTypes = []string{
	"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
	"kubernetes_manifest",
}

// eksManifests adds to s the kubernetes_manifest objects of the given
// kinds.
func eksManifests(p *model.Plan, s *eksSurvey, kinds ...string) {
	for _, r := range p.OfType("kubernetes_manifest") {
		kind := r.Attr("manifest", "kind")
		t := eksTool{r: r, e: evAt(p, r, "manifest", "kind")}
		if kind.Unknown {
			t.what = r.Address
			s.add(t, false, "its kind is known only after apply")
			continue
		}
		if k, _ := kind.Str(); slices.Contains(kinds, k) {
			t.what = fmt.Sprintf("%s (a %s)", r.Address, k)
			s.add(t, true, "")
		}
	}
}
