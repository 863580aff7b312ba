package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the Kubernetes checks. A workload is a Deployment or a
// StatefulSet written either with the kubernetes provider's typed resources
// (snake_case blocks: spec[0].template[0].spec[0].container[0]) or as a
// kubernetes_manifest (the API object: manifest.spec.template.spec.containers[0]).
// Checks address both through the typed resources' paths; k8sWorkload.path
// translates them for manifests.

// k8sWorkloadTypes are the resources that may hold a workload.
var k8sWorkloadTypes = []string{
	"kubernetes_deployment", "kubernetes_deployment_v1",
	"kubernetes_stateful_set", "kubernetes_stateful_set_v1",
	"kubernetes_manifest",
}

// k8sDeploymentTypes are the resources that may hold a Deployment.
var k8sDeploymentTypes = []string{"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_manifest"}

// k8sPodSpec is the path of a workload's pod spec.
var k8sPodSpec = []model.Step{"spec", 0, "template", 0, "spec", 0}

type k8sWorkload struct {
	r        *model.Resource
	kind     string // Deployment or StatefulSet
	manifest bool
}

// k8sWorkloadOf returns the workload r holds, if it holds one.
func k8sWorkloadOf(r *model.Resource) (k8sWorkload, bool) {
	switch r.Type {
	case "kubernetes_deployment", "kubernetes_deployment_v1":
		return k8sWorkload{r: r, kind: "Deployment"}, true
	case "kubernetes_stateful_set", "kubernetes_stateful_set_v1":
		return k8sWorkload{r: r, kind: "StatefulSet"}, true
	case "kubernetes_manifest":
		kind, _ := r.Attr("manifest", "kind").Str()
		if kind == "Deployment" || kind == "StatefulSet" {
			return k8sWorkload{r: r, kind: kind, manifest: true}, true
		}
	}
	return k8sWorkload{}, false
}

// k8sListBlocks are the typed resources' blocks that repeat; every other
// block holds one element, which a manifest writes as a plain object.
var k8sListBlocks = map[string]bool{
	"container": true, "init_container": true, "topology_spread_constraint": true,
	"required_during_scheduling_ignored_during_execution":  true,
	"preferred_during_scheduling_ignored_during_execution": true,
	"match_expressions": true,
}

// k8sManifestNames are the API names that are not the camelCase of the
// typed resources' names.
var k8sManifestNames = map[string]string{
	"container": "containers", "init_container": "initContainers",
	"topology_spread_constraint": "topologySpreadConstraints",
}

// path translates a typed-resource path for the workload's representation.
func (w k8sWorkload) path(steps ...model.Step) []model.Step {
	if !w.manifest {
		return steps
	}
	out := []model.Step{"manifest"}
	list := false
	for _, s := range steps {
		switch s := s.(type) {
		case int:
			if list {
				out = append(out, s)
			}
		case string:
			list = k8sListBlocks[s]
			if n, ok := k8sManifestNames[s]; ok {
				out = append(out, n)
			} else {
				out = append(out, k8sCamel(s))
			}
		}
	}
	return out
}

// k8sCamel turns max_unavailable into maxUnavailable.
func k8sCamel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func (w k8sWorkload) attr(steps ...model.Step) model.Attr { return w.r.Attr(w.path(steps...)...) }

func (w k8sWorkload) ev(p *model.Plan, steps ...model.Step) check.Evidence {
	return ev(p, w.r, w.path(steps...)...)
}

// set reports whether the value at steps is given: a non-empty block, or a
// non-null value. ok is false when that is known only after apply.
func (w k8sWorkload) set(steps ...model.Step) (set, ok bool) {
	a := w.attr(steps...)
	if a.Unknown {
		return false, false
	}
	if l, isList := a.Value.([]any); isList {
		return len(l) > 0, true
	}
	return a.Value != nil, true
}

// name and namespace identify the workload when known; the namespace
// defaults to "default".
func (w k8sWorkload) name() string {
	s, _ := w.attr("metadata", 0, "name").Str()
	return s
}

func (w k8sWorkload) namespace() string {
	return k8sNamespace(w.attr("metadata", 0, "namespace"))
}

func k8sNamespace(a model.Attr) string {
	if a.Unknown {
		return ""
	}
	if s, ok := a.Str(); ok && s != "" {
		return s
	}
	return "default"
}

// containers returns the number of containers of the pod template for a
// check that judges each of them. When there are none to judge, because the
// list is known only after apply or empty, it returns 0 and the unknown
// finding to return instead.
func (w k8sWorkload) containers(p *model.Plan) (int, check.Finding) {
	path := subPath(k8sPodSpec, "container")
	a := w.attr(path...)
	switch {
	case a.Unknown:
		return 0, unknown("the containers are known only after apply", w.ev(p, path...))
	case len(a.List()) == 0:
		return 0, unknown("the pod template lists no containers", w.ev(p, path...))
	}
	return len(a.List()), check.Skip
}

// containerName names container i for messages.
func (w k8sWorkload) containerName(i int) string {
	if s, ok := w.attr(subPath(k8sPodSpec, "container", i, "name")...).Str(); ok {
		return s
	}
	return fmt.Sprintf("#%d", i)
}

// k8sSameNamespace compares namespaces, treating an unknown one ("") as a
// possible match.
func k8sSameNamespace(a, b string) bool { return a == "" || b == "" || a == b }

// k8sScaler is a HorizontalPodAutoscaler (typed or as a manifest) or a KEDA
// ScaledObject that scales a workload.
type k8sScaler struct {
	r        *model.Resource
	manifest bool
	keda     bool
}

var k8sHPATypes = []string{
	"kubernetes_horizontal_pod_autoscaler", "kubernetes_horizontal_pod_autoscaler_v1",
	"kubernetes_horizontal_pod_autoscaler_v2", "kubernetes_horizontal_pod_autoscaler_v2beta2",
}

// k8sScalers returns every autoscaler in the plan.
func k8sScalers(p *model.Plan) []k8sScaler {
	var out []k8sScaler
	for _, r := range p.OfType(k8sHPATypes...) {
		out = append(out, k8sScaler{r: r})
	}
	for _, r := range p.OfType("kubernetes_manifest") {
		switch kind, _ := r.Attr("manifest", "kind").Str(); kind {
		case "HorizontalPodAutoscaler":
			out = append(out, k8sScaler{r: r, manifest: true})
		case "ScaledObject":
			out = append(out, k8sScaler{r: r, manifest: true, keda: true})
		}
	}
	return out
}

// target reads the scaler's target reference field (kind or name).
func (s k8sScaler) target(field string) model.Attr {
	if s.manifest {
		return s.r.Attr("manifest", "spec", "scaleTargetRef", field)
	}
	return s.r.Attr("spec", 0, "scale_target_ref", 0, field)
}

func (s k8sScaler) minPath() []model.Step {
	switch {
	case s.keda:
		return []model.Step{"manifest", "spec", "minReplicaCount"}
	case s.manifest:
		return []model.Step{"manifest", "spec", "minReplicas"}
	}
	return []model.Step{"spec", 0, "min_replicas"}
}

func (s k8sScaler) namespace() string {
	if s.manifest {
		return k8sNamespace(s.r.Attr("manifest", "metadata", "namespace"))
	}
	return k8sNamespace(s.r.Attr("metadata", 0, "namespace"))
}

// k8sScalersOf returns the autoscalers that scale w: those whose spec
// refers to the workload's resource, else those whose known target kind,
// name and namespace are the workload's. undecided is true when some
// autoscaler's target is known only after apply.
func k8sScalersOf(p *model.Plan, w k8sWorkload) (found []k8sScaler, undecided bool) {
	for _, s := range k8sScalerCandidates(p, w) {
		kind, kindOK := s.target("kind").Str()
		if s.keda && !kindOK {
			kind, kindOK = "Deployment", true
		}
		if kindOK && kind != w.kind {
			continue
		}
		attr := "spec"
		if s.manifest {
			attr = "manifest"
		}
		if slices.Contains(p.Refs(s.r, attr), w.r) {
			found = append(found, s)
			continue
		}
		if !k8sSameNamespace(s.namespace(), w.namespace()) {
			continue
		}
		name, ok := s.target("name").Str()
		switch {
		case !ok:
			undecided = true
		case name == w.name() && w.name() != "":
			found = append(found, s)
		}
	}
	return found, undecided
}

// k8sScalerIndex sorts a plan's autoscalers once by target name, so that
// each workload looks only at those that can scale it.
type k8sScalerIndex struct {
	all       []k8sScaler
	byName    map[string][]int
	unnamed   []int // target name unknown
	ordinalOf map[*model.Resource]int
}

type k8sScalerIndexKey struct{}

// k8sScalerCandidates returns, in plan order, the autoscalers that refer to
// w's resource, target w's name, or target a name known only after apply:
// every other autoscaler cannot scale w.
func k8sScalerCandidates(p *model.Plan, w k8sWorkload) []k8sScaler {
	idx := p.Memo(k8sScalerIndexKey{}, func() any {
		idx := &k8sScalerIndex{all: k8sScalers(p), byName: map[string][]int{}, ordinalOf: map[*model.Resource]int{}}
		for i, s := range idx.all {
			idx.ordinalOf[s.r] = i
			if name, ok := s.target("name").Str(); ok {
				idx.byName[name] = append(idx.byName[name], i)
			} else {
				idx.unnamed = append(idx.unnamed, i)
			}
		}
		return idx
	}).(*k8sScalerIndex)
	picked := map[int]bool{}
	for _, i := range idx.byName[w.name()] {
		picked[i] = true
	}
	for _, i := range idx.unnamed {
		picked[i] = true
	}
	for _, from := range p.Referrers(w.r) {
		if i, ok := idx.ordinalOf[from]; ok {
			picked[i] = true
		}
	}
	return pickInOrder(idx.all, picked)
}

// k8sPDBTypes are the typed PodDisruptionBudget resources.
var k8sPDBTypes = []string{"kubernetes_pod_disruption_budget", "kubernetes_pod_disruption_budget_v1"}

// k8sPDBsOf returns the PodDisruptionBudgets that cover w's pods: those
// whose spec refers to the workload's resource, else those whose known
// selector matches its known pod labels in its namespace. undecided is true
// when a selector or the pod labels are known only after apply.
func k8sPDBsOf(p *model.Plan, w k8sWorkload) (found []*model.Resource, undecided bool) {
	labelsAttr := w.attr("spec", 0, "template", 0, "metadata", 0, "labels")
	labels := labelsAttr.Object()
	all := k8sPDBCandidates(p, w, labels)
	for _, b := range all {
		if slices.Contains(p.Refs(b.r, b.attr), w.r) {
			found = append(found, b.r)
			continue
		}
		if !k8sSameNamespace(k8sNamespace(b.ns), w.namespace()) {
			continue
		}
		sel := b.r.Attr(b.selector...)
		if sel.Unknown || labelsAttr.Unknown {
			undecided = true
			continue
		}
		match, ok := k8sSelects(b.r, b.selector, labels)
		switch {
		case !ok:
			undecided = true
		case match:
			found = append(found, b.r)
		}
	}
	return found, undecided
}

// k8sPDB is a PodDisruptionBudget and where its selector lives.
type k8sPDB struct {
	r        *model.Resource
	selector []model.Step
	ns       model.Attr
	attr     string
}

type k8sPDBIndex struct {
	all       []k8sPDB
	byLabel   map[string][]int // first match label "k=v" -> ordinals
	other     []int            // no known match labels: judged for every workload
	ordinalOf map[*model.Resource]int
}

type k8sPDBIndexKey struct{}

// k8sPDBCandidates returns, in plan order, the budgets that could select
// pods labelled labels: those referring to w's resource, those whose first
// match label the pods carry, and those without known match labels.
func k8sPDBCandidates(p *model.Plan, w k8sWorkload, labels model.Object) []k8sPDB {
	idx := p.Memo(k8sPDBIndexKey{}, func() any {
		idx := &k8sPDBIndex{byLabel: map[string][]int{}, ordinalOf: map[*model.Resource]int{}}
		for _, r := range p.OfType(k8sPDBTypes...) {
			idx.all = append(idx.all, k8sPDB{r, []model.Step{"spec", 0, "selector", 0}, r.Attr("metadata", 0, "namespace"), "spec"})
		}
		for _, r := range p.OfType("kubernetes_manifest") {
			if kind, _ := r.Attr("manifest", "kind").Str(); kind == "PodDisruptionBudget" {
				idx.all = append(idx.all, k8sPDB{r, []model.Step{"manifest", "spec", "selector"}, r.Attr("manifest", "metadata", "namespace"), "manifest"})
			}
		}
		for i, b := range idx.all {
			idx.ordinalOf[b.r] = i
			name := "match_labels"
			if b.attr == "manifest" {
				name = "matchLabels"
			}
			want := b.r.Attr(subPath(b.selector, name)...)
			if first := want.Object(); !want.Unknown && len(first) > 0 {
				if v, ok := first[0].Value.(string); ok {
					idx.byLabel[first[0].Name+"="+v] = append(idx.byLabel[first[0].Name+"="+v], i)
					continue
				}
			}
			idx.other = append(idx.other, i)
		}
		return idx
	}).(*k8sPDBIndex)
	picked := map[int]bool{}
	for _, i := range idx.other {
		picked[i] = true
	}
	for _, f := range labels {
		if v, ok := f.Value.(string); ok {
			for _, i := range idx.byLabel[f.Name+"="+v] {
				picked[i] = true
			}
		}
	}
	for _, from := range p.Referrers(w.r) {
		if i, ok := idx.ordinalOf[from]; ok {
			picked[i] = true
		}
	}
	return pickInOrder(idx.all, picked)
}

// k8sSelects evaluates a label selector (match_labels / matchLabels and
// match_expressions / matchExpressions) against pod labels. An empty
// selector selects nothing here: a PDB must name its pods.
func k8sSelects(r *model.Resource, selector []model.Step, labels model.Object) (match, ok bool) {
	manifest := len(selector) > 0 && selector[0] == "manifest"
	labelsName, exprName := "match_labels", "match_expressions"
	if manifest {
		labelsName, exprName = "matchLabels", "matchExpressions"
	}
	want := r.Attr(subPath(selector, labelsName)...)
	exprs := r.Attr(subPath(selector, exprName)...)
	if want.Unknown || exprs.Unknown {
		return false, false
	}
	if len(want.Object()) == 0 && len(exprs.List()) == 0 {
		return false, true
	}
	for _, f := range want.Object() {
		if v, has := labels.Get(f.Name); !has || v != f.Value {
			return false, true
		}
	}
	for _, e := range exprs.List() {
		key, _ := fieldOf(e, "key").(string)
		op, _ := fieldOf(e, "operator").(string)
		var values []string
		for _, v := range k8sList(fieldOf(e, "values")) {
			if s, isStr := v.(string); isStr {
				values = append(values, s)
			}
		}
		v, has := labels.Get(key)
		s, _ := v.(string)
		in := has && slices.Contains(values, s)
		switch op {
		case "In":
			if !in {
				return false, true
			}
		case "NotIn":
			if in {
				return false, true
			}
		case "Exists":
			if !has {
				return false, true
			}
		case "DoesNotExist":
			if has {
				return false, true
			}
		default:
			return false, false
		}
	}
	return true, true
}

func k8sList(v any) []any {
	l, _ := v.([]any)
	return l
}

// settle reads a workload attribute like the package's settle; in a
// manifest an absent field is unset (the API default applies), since a
// manifest holds only what its author wrote.
func (w k8sWorkload) settle(p *model.Plan, dflt any, steps ...model.Step) (any, check.Evidence, string) {
	path := w.path(steps...)
	if a := w.r.Attr(path...); w.manifest && !a.Unknown && !a.Present {
		e := ev(p, w.r, path...)
		if dflt != nil {
			e.Value = fmt.Sprintf("(not set: defaults to %s)", model.Render(dflt))
		}
		return dflt, e, ""
	}
	return settle(p, w.r, dflt, path...)
}
