package checks

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/helmvalues"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the Kubernetes checks. A workload is a Deployment, a
// StatefulSet or an Argo Rollout written either with the kubernetes
// provider's typed resources (snake_case blocks:
// spec[0].template[0].spec[0].container[0]) or as a kubernetes_manifest (the
// API object: manifest.spec.template.spec.containers[0]), or one a
// helm_release installs (below). Checks address them through the typed
// resources' paths; k8sWorkload.path translates them for manifests.

// k8sWorkloadTypes are the resources that may hold a workload.
var k8sWorkloadTypes = []string{
	"kubernetes_deployment", "kubernetes_deployment_v1",
	"kubernetes_stateful_set", "kubernetes_stateful_set_v1",
	"kubernetes_manifest", "helm_release",
}

// k8sDeploymentTypes are the resources that may hold a Deployment.
var k8sDeploymentTypes = []string{"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_manifest", "helm_release"}

// k8sPodSpec is the path of a workload's pod spec.
var k8sPodSpec = []model.Step{"spec", 0, "template", 0, "spec", 0}

type k8sWorkload struct {
	r        *model.Resource
	kind     string // Deployment, StatefulSet or Rollout
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
		api, _ := r.Attr("manifest", "apiVersion").Str()
		if kind == "Deployment" || kind == "StatefulSet" || kind == "Rollout" && strings.HasPrefix(api, "argoproj.io/") {
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
	for _, r := range k8sManifests(p) {
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
	idx := k8sPDBIndexOf(p)
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

// k8sPDBIndexOf returns the plan's budgets, indexed once.
func k8sPDBIndexOf(p *model.Plan) *k8sPDBIndex {
	return p.Memo(k8sPDBIndexKey{}, func() any {
		idx := &k8sPDBIndex{byLabel: map[string][]int{}, ordinalOf: map[*model.Resource]int{}}
		for _, r := range p.OfType(k8sPDBTypes...) {
			idx.all = append(idx.all, k8sPDB{r, []model.Step{"spec", 0, "selector", 0}, r.Attr("metadata", 0, "namespace"), "spec"})
		}
		for _, r := range k8sManifests(p) {
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

// Helm releases. A helm_release that installs the team's own service (see
// helmInfrastructure) is judged as a workload: through the Deployments,
// StatefulSets and Rollouts of its rendered manifest when the Helm
// provider's manifest experiment puts one in the plan, else through its
// values for the common chart conventions (the keys `helm create`
// scaffolds: replicaCount, resources, autoscaling, livenessProbe,
// readinessProbe, topologySpreadConstraints, affinity, strategy, and
// podDisruptionBudget or pdb). A key the release does not set is the
// chart's default, which the plan does not hold: unknown, never a pass.

// helmWorkloadNote says, in the workload checks' descriptions, how they
// judge a helm_release; each adds the keys it reads.
const helmWorkloadNote = "A helm_release of the team's own chart (cluster add-ons such as ingress controllers, " +
	"cert-manager, monitoring and log shippers or Karpenter are skipped) is judged through the workloads of its " +
	"rendered manifest when the Helm provider's manifest experiment puts one in the plan, else through its values " +
	"and set entries, merged as Helm merges them, for the common chart keys; a key the release leaves to its chart " +
	"is unknown, since the plan does not hold the chart's values"

// helmRelease is a helm_release judged as the team's workload.
type helmRelease struct {
	r      *model.Resource
	values *helmvalues.Values
}

// k8sJudge judges r with a workload check's logic: a typed resource or a
// manifest through its workload, a helm_release through the workloads of
// its rendered manifest or, without one, through values.
func k8sJudge(p *model.Plan, r *model.Resource, judge func(*model.Plan, k8sWorkload) check.Finding,
	values func(*model.Plan, *helmRelease) check.Finding) check.Finding {
	if r.Type != "helm_release" {
		w, ok := k8sWorkloadOf(r)
		if !ok {
			return check.Skip
		}
		return judge(p, w)
	}
	if _, infra := helmInfrastructure(r); infra {
		return check.Skip
	}
	if objs, ok := helmRendered(r); ok {
		var ws []k8sWorkload
		for _, o := range objs {
			if w, ok := k8sWorkloadOf(o.r); ok {
				ws = append(ws, w)
			}
		}
		return helmCombine(p, ws, judge)
	}
	return values(p, helmReleaseOf(p, r))
}

// helmReleaseOf reads a release's values and set entries.
func helmReleaseOf(p *model.Plan, r *model.Resource) *helmRelease {
	return &helmRelease{r: r, values: helmValuesOf(p, r)}
}

type helmValuesKey struct{ r *model.Resource }

// helmValuesOf merges a release's values documents and set, set_list and
// set_sensitive entries as Helm does, once per plan for every check.
func helmValuesOf(p *model.Plan, r *model.Resource) *helmvalues.Values {
	return p.Memo(helmValuesKey{r}, func() any { return helmvalues.OfRelease(r) }).(*helmvalues.Values)
}

// chart names the release's chart for messages: "api" (repository
// https://charts.example.com, version 1.4.2).
func (h *helmRelease) chart() string {
	s := fmt.Sprintf("chart %q", strAt(h.r, "chart"))
	var more []string
	if repo := strAt(h.r, "repository"); repo != "" {
		more = append(more, "repository "+repo)
	}
	if v := strAt(h.r, "version"); v != "" {
		more = append(more, "version "+v)
	}
	if len(more) > 0 {
		s += " (" + strings.Join(more, ", ") + ")"
	}
	return s
}

// name is the release's name, which the common charts give their objects
// (the release name, or release-chart when it lacks the chart's name).
func (h *helmRelease) names() []string {
	name := strAt(h.r, "name")
	if name == "" {
		return nil
	}
	out := []string{name}
	if chart := helmChartName(h.r); chart != "" && !strings.Contains(name, chart) {
		out = append(out, name+"-"+chart)
	}
	return out
}

func (h *helmRelease) namespace() string { return k8sNamespace(h.r.Attr("namespace")) }

// helmKey renders a values path as a chart's values.yaml names it:
// autoscaling.minReplicas, topologySpreadConstraints[0].topologyKey.
func helmKey(path []any) string {
	var b strings.Builder
	for _, s := range path {
		switch s := s.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// get looks a value up with its evidence.
func (h *helmRelease) get(p *model.Plan, path ...any) (helmvalues.Result, check.Evidence) {
	res := h.values.Lookup(path...)
	e := check.Evidence{Attribute: "values " + helmKey(path)}
	switch {
	case res.Unknown:
		e.Value = model.KnownAfterApply
	case !res.Found:
		e.Value = "(not set: the chart's default, not in the plan)"
	case res.Sensitive:
		e.Attribute += " (" + res.Source.String() + ")"
		e.Value = model.Redacted
	default:
		e.Attribute += " (" + res.Source.String() + ")"
		e.Value = p.ScrubFor(h.r, model.Render(helmModel(res.Value)))
	}
	return res, e
}

// leftToChart reports whether the release sets nothing at path (and could
// not through a layer the plan cannot read): the chart's default applies.
func (h *helmRelease) leftToChart(path ...any) bool {
	res := h.values.Lookup(path...)
	return !res.Found && !res.Unknown
}

// hidden is the finding for keys the release leaves to its chart: what
// says which ("the release leaves replicaCount").
func (h *helmRelease) hidden(what string, e ...check.Evidence) check.Finding {
	return unknown(fmt.Sprintf("%s to %s, whose values the plan does not hold", what, h.chart()), e...)
}

// flag reads a boolean value (an enabled switch). A value that is not a
// boolean, such as the string "false" (which a chart's if reads as true),
// is unknown, and so is one the release leaves to the chart: ok is false
// and f says why.
func (h *helmRelease) flag(p *model.Plan, path ...any) (on bool, e check.Evidence, f check.Finding, ok bool) {
	res, e := h.get(p, path...)
	switch {
	case res.Unknown:
		return false, e, unknown(res.Reason, e), false
	case !res.Found:
		return false, e, h.hidden("the release leaves "+helmKey(path), e), false
	case res.Value == nil:
		return false, e, check.Skip, true // null: removed, a chart's if reads it as false
	}
	b, isBool := res.Value.(bool)
	if !isBool {
		return false, e, unknown(helmKey(path)+" is not a boolean: how the chart reads it depends on its templates", e), false
	}
	return b, e, check.Skip, true
}

// helmModel turns plain values into the model's, for evidence.
func helmModel(v any) any {
	switch v := v.(type) {
	case map[string]any:
		keys := slices.Sorted(maps.Keys(v))
		o := make(model.Object, 0, len(keys))
		for _, k := range keys {
			o = append(o, model.Field{Name: k, Value: helmModel(v[k])})
		}
		return o
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = helmModel(e)
		}
		return out
	}
	return v
}

// helmScalersOf returns the autoscalers in the plan (outside the release)
// whose target is one of the names the release gives its Deployment.
func helmScalersOf(p *model.Plan, h *helmRelease) []k8sScaler {
	var out []k8sScaler
	for _, s := range k8sScalers(p) {
		name, ok := s.target("name").Str()
		if ok && slices.Contains(h.names(), name) && k8sSameNamespace(s.namespace(), h.namespace()) {
			out = append(out, s)
		}
	}
	return out
}

// helmObject is one object of a release's rendered manifest, as a
// kubernetes_manifest would hold it, under the release's address.
type helmObject struct {
	key string // the provider's key: deployment.apps/apps/v1/api
	r   *model.Resource
}

// helmRendered returns the objects of a release's rendered manifest when
// the plan holds it (the Helm provider's manifest experiment: a JSON
// object of the objects by kind, API version and name; a YAML stream is
// read too).
func helmRendered(r *model.Resource) ([]helmObject, bool) {
	a := r.Attr("manifest")
	s, ok := a.Str()
	if !ok || strings.TrimSpace(s) == "" {
		return nil, false
	}
	var sens any
	if a.Sensitive {
		sens = model.Object{{Name: "manifest", Value: true}}
	}
	mk := func(key string, obj any) helmObject {
		m, _ := obj.(map[string]any)
		kind, _ := m["kind"].(string)
		name, _ := fieldOfPlain(m, "metadata", "name").(string)
		return helmObject{key: key, r: &model.Resource{
			Address: fmt.Sprintf("%s (rendered %s %q)", r.Address, kind, name), ModuleAddress: r.ModuleAddress, Mode: r.Mode, Type: "kubernetes_manifest",
			Name: r.Name, Index: r.Index, ProviderName: r.ProviderName, Actions: r.Actions,
			After: model.Object{{Name: "manifest", Value: helmModel(obj)}}, AfterSensitive: sens,
		}}
	}
	var out []helmObject
	var byKey map[string]any
	if err := json.Unmarshal([]byte(s), &byKey); err == nil {
		for _, k := range slices.Sorted(maps.Keys(byKey)) {
			if _, isObj := byKey[k].(map[string]any); isObj {
				out = append(out, mk(k, byKey[k]))
			}
		}
		return out, true
	}
	for i, doc := range splitYAMLStream(s) {
		obj, err := helmvalues.Decode(doc)
		m, isObj := obj.(map[string]any)
		if err != nil || !isObj {
			continue
		}
		kind, _ := m["kind"].(string)
		name, _ := fieldOfPlain(m, "metadata", "name").(string)
		out = append(out, mk(fmt.Sprintf("%d/%s/%s", i, strings.ToLower(kind), name), m))
	}
	return out, true
}

func fieldOfPlain(m map[string]any, path ...string) any {
	var v any = m
	for _, k := range path {
		mm, _ := v.(map[string]any)
		v = mm[k]
	}
	return v
}

// splitYAMLStream splits a YAML stream at its document markers.
func splitYAMLStream(s string) []string {
	var docs []string
	var cur strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(line, "---") && strings.TrimSpace(line[3:]) == "" || strings.HasPrefix(line, "--- ") {
			docs = append(docs, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	return append(docs, cur.String())
}

type helmRenderedAllKey struct{}

// k8sRenderedObjects returns the objects of every rendered manifest in the
// plan, for the autoscalers, disruption budgets and canaries a release
// renders beside its workloads.
func k8sRenderedObjects(p *model.Plan) []*model.Resource {
	return p.Memo(helmRenderedAllKey{}, func() any {
		var out []*model.Resource
		for _, r := range p.OfType("helm_release") {
			if !r.Exists() {
				continue
			}
			objs, _ := helmRendered(r)
			for _, o := range objs {
				out = append(out, o.r)
			}
		}
		return out
	}).([]*model.Resource)
}

// k8sManifests returns the plan's kubernetes_manifest resources and the
// objects of its rendered Helm manifests.
func k8sManifests(p *model.Plan) []*model.Resource {
	rendered := k8sRenderedObjects(p)
	if len(rendered) == 0 {
		return p.OfType("kubernetes_manifest")
	}
	return append(slices.Clip(p.OfType("kubernetes_manifest")), rendered...)
}

// helmCombine judges each workload of a rendered manifest and gives the
// release the worst finding: any failure fails it, else anything unknown
// makes it unknown. Messages and evidence name the object.
func helmCombine(p *model.Plan, ws []k8sWorkload, judge func(*model.Plan, k8sWorkload) check.Finding) check.Finding {
	var fails, unknowns, passes []check.Finding
	for _, w := range ws {
		f := judge(p, w)
		if f.Status == "" {
			continue
		}
		label := w.kind + " " + strconv.Quote(w.name())
		f.Message = label + ": " + f.Message
		for i, e := range f.Evidence {
			if rest, ok := strings.CutPrefix(e.Attribute, "manifest."); ok && !strings.HasPrefix(e.Attribute, w.r.Address) {
				f.Evidence[i].Attribute = "manifest (" + label + ") " + rest
			} else {
				f.Evidence[i].Attribute = label + " " + e.Attribute
			}
		}
		switch f.Status {
		case check.StatusFail:
			fails = append(fails, f)
		case check.StatusUnknown:
			unknowns = append(unknowns, f)
		default:
			passes = append(passes, f)
		}
	}
	for _, group := range [][]check.Finding{fails, unknowns, passes} {
		if len(group) == 0 {
			continue
		}
		out := check.Finding{Status: group[0].Status, Severity: group[0].Severity}
		var msgs []string
		for _, f := range group {
			msgs = append(msgs, f.Message)
			out.Evidence = append(out.Evidence, f.Evidence...)
		}
		out.Message = strings.Join(msgs, "; ")
		return out
	}
	return check.Skip
}

// Argo Rollouts. A Rollout either holds its pod template (spec.template,
// like a Deployment's) or takes over an existing Deployment's
// (spec.workloadRef): the Deployment then keeps the template, which the
// template checks judge there, and the Rollout runs the pods, which the
// replica checks judge on the Rollout.

// templateRef reports whether w is a Rollout that takes its pod template
// from a Deployment (spec.workloadRef).
func (w k8sWorkload) templateRef() bool {
	if w.kind != "Rollout" {
		return false
	}
	set, ok := w.set("spec", 0, "workload_ref")
	return set || !ok
}

type k8sRolloutIndexKey struct{}

// k8sRolloutOf returns the Rollout whose spec.workloadRef takes over the
// Deployment w, if one does.
func k8sRolloutOf(p *model.Plan, w k8sWorkload) (*model.Resource, bool) {
	if w.kind != "Deployment" || w.name() == "" {
		return nil, false
	}
	return k8sRolloutNaming(p, w.name(), w.namespace())
}

// k8sRolloutNaming returns the Rollout whose spec.workloadRef names the
// Deployment called name in namespace ns, if one does.
func k8sRolloutNaming(p *model.Plan, name, ns string) (*model.Resource, bool) {
	byName := p.Memo(k8sRolloutIndexKey{}, func() any {
		idx := map[string][]*model.Resource{}
		for _, r := range k8sManifests(p) {
			if ro, ok := k8sWorkloadOf(r); ok && ro.kind == "Rollout" {
				if kind, _ := r.Attr("manifest", "spec", "workloadRef", "kind").Str(); kind == "Deployment" {
					name, _ := r.Attr("manifest", "spec", "workloadRef", "name").Str()
					idx[name] = append(idx[name], r)
				}
			}
		}
		return idx
	}).(map[string][]*model.Resource)
	for _, r := range byName[name] {
		if ro, _ := k8sWorkloadOf(r); k8sSameNamespace(ro.namespace(), ns) {
			return r, true
		}
	}
	return nil, false
}
