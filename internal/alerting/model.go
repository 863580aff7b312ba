// Package alerting is the plan's alerting model, computed once per plan:
// the alert rules of every system Terraform configures (CloudWatch metric
// and composite alarms, Amazon Managed Prometheus rule groups, Prometheus
// Operator PrometheusRule manifests, Grafana rule groups, Datadog monitors,
// New Relic NRQL conditions), what each watches (the resources its
// dimensions, label matchers and tags name), where its notifications go
// and whether they reach an on-call service, and the dashboards beside
// them. The checks in package checks ask it questions; the facts live here.
package alerting

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Kind is the system a rule belongs to.
type Kind string

// The kinds of alert rule.
const (
	CloudWatchAlarm   Kind = "CloudWatch alarm"
	CompositeAlarm    Kind = "CloudWatch composite alarm"
	ManagedPrometheus Kind = "Amazon Managed Prometheus rule"
	PrometheusRule    Kind = "PrometheusRule alert"
	GrafanaRule       Kind = "Grafana alert rule"
	DatadogMonitor    Kind = "Datadog monitor"
	NewRelicCondition Kind = "New Relic NRQL condition"
)

// RuleTypes are the resource types that hold alert rules.
var RuleTypes = []string{
	"aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm", "aws_prometheus_rule_group_namespace",
	"kubernetes_manifest", "grafana_rule_group", "datadog_monitor", "newrelic_nrql_alert_condition",
}

// Rule is one alert rule: a resource (an alarm, a monitor) or one rule
// inside a resource (a Grafana rule, an alert of a rule file).
type Rule struct {
	Resource *model.Resource
	Kind     Kind
	// Name is the rule's name inside its resource; "" when the resource is
	// the rule.
	Name string
	// Path locates the rule in the resource's planned values; nil when the
	// resource is the rule.
	Path model.Path
	// Opaque: what the rule reads is known only after apply (or could not
	// be read), so it may watch anything.
	Opaque bool

	sys       system
	sel       selector
	cw        []cwMetric
	refs      []*model.Resource
	labels    map[string]string
	runbook   runbookSource
	route     func(x *Model) route
	composite bool // watches through other rules (composite alarms and monitors)

	keysOnce sync.Once // cwKeys and selKeys, normalised once
	cwKeys   [][]string
	selKeys  []string
}

// Label names the rule for messages: its address, and its name inside it.
func (r *Rule) Label() string {
	if r.Name == "" {
		return r.Resource.Address
	}
	return r.Resource.Address + ` rule "` + r.Name + `"`
}

// Metrics returns the metric names (or event types) the rule reads.
func (r *Rule) Metrics() []string {
	out := append([]string(nil), r.sel.metrics...)
	for _, m := range r.cw {
		if m.metric != "" {
			out = append(out, m.metric)
		}
	}
	return out
}

// cwMetric is one CloudWatch metric a rule reads: of a metric alarm (its
// own or a metric query's), or of a Grafana CloudWatch query.
type cwMetric struct {
	ns        string
	nsUnknown bool
	metric    string
	// metricUnknown: the metric name is known only after apply.
	metricUnknown bool
	dims          []Matcher
	// dimsUnknown: the dimensions are unknown as a whole; unknownDims
	// names the members known only after apply.
	dimsUnknown bool
	unknownDims []string
}

// Model is a plan's alerting model.
type Model struct {
	plan  *model.Plan
	Rules []*Rule
	// automation are the CloudWatch metric alarms whose every action
	// scales or acts on an instance: they alert no one.
	automation map[*model.Resource]bool
	byResource map[*model.Resource][]*Rule
	byRef      map[*model.Resource][]*Rule
	// composites maps a CloudWatch alarm to the composite alarms whose
	// rule names it.
	composites map[*model.Resource][]*model.Resource
	namespaces []string
	byType     map[string]*typeIndex // the rules that can watch each resource type
}

type modelKey struct{}

// Of returns the plan's alerting model, built once per plan.
func Of(p *model.Plan) *Model {
	return p.Memo(modelKey{}, func() any { return build(p) }).(*Model)
}

func build(p *model.Plan) *Model {
	x := &Model{
		plan: p, automation: map[*model.Resource]bool{}, byResource: map[*model.Resource][]*Rule{},
		byRef: map[*model.Resource][]*Rule{}, composites: map[*model.Resource][]*model.Resource{},
		byType: map[string]*typeIndex{},
	}
	namespaces := map[string]bool{}
	for _, a := range p.OfType("aws_cloudwatch_metric_alarm") {
		if x.scalingOnly(a) {
			x.automation[a] = true
			continue
		}
		r := cloudWatchRule(p, a)
		for _, m := range r.cw {
			if m.ns != "" {
				namespaces[m.ns] = true
			}
		}
		x.add(r)
	}
	for _, a := range p.OfType("aws_cloudwatch_composite_alarm") {
		x.add(compositeRule(p, a))
		for _, child := range x.compositeChildren(a) {
			x.composites[child] = append(x.composites[child], a)
		}
	}
	for _, r := range p.OfType("aws_prometheus_rule_group_namespace") {
		x.add(ampRules(p, r)...)
	}
	for _, r := range p.OfType("kubernetes_manifest") {
		x.add(prometheusRuleManifest(p, r)...)
	}
	for _, r := range p.OfType("grafana_rule_group") {
		x.add(grafanaRules(p, r)...)
	}
	for _, r := range p.OfType("datadog_monitor") {
		x.add(datadogRule(p, r))
	}
	for _, r := range p.OfType("newrelic_nrql_alert_condition") {
		if on, ok := r.Attr("enabled").Bool(); ok && !on {
			continue
		}
		x.add(newRelicRule(p, r))
	}
	for ns := range namespaces {
		x.namespaces = append(x.namespaces, ns)
	}
	sort.Strings(x.namespaces)
	return x
}

func (x *Model) add(rules ...*Rule) {
	for _, r := range rules {
		if r == nil {
			continue
		}
		x.Rules = append(x.Rules, r)
		x.byResource[r.Resource] = append(x.byResource[r.Resource], r)
		seen := map[*model.Resource]bool{}
		for _, t := range r.refs {
			if !seen[t] {
				seen[t] = true
				x.byRef[t] = append(x.byRef[t], r)
			}
		}
	}
}

// RulesOf returns the alert rules a resource holds (none for a
// scaling-only alarm, a paused rule or a recording rule).
func (x *Model) RulesOf(r *model.Resource) []*Rule { return x.byResource[r] }

// Namespaces lists the CloudWatch namespaces the plan's alarms read.
func (x *Model) Namespaces() []string { return x.namespaces }

// ScalingOnly reports whether a CloudWatch alarm's every action scales or
// acts on an instance: it drives automation and alerts no one.
func (x *Model) ScalingOnly(a *model.Resource) bool {
	if a.Type == "aws_cloudwatch_metric_alarm" {
		if v, ok := x.automation[a]; ok || len(x.byResource[a]) > 0 {
			return v
		}
	}
	return x.scalingOnly(a)
}

func (x *Model) scalingOnly(a *model.Resource) bool {
	ts := Targets(x.plan, a)
	for _, t := range ts {
		if t.Kind != TargetAutomate {
			return false
		}
	}
	return len(ts) > 0
}

// cloudWatchRule reads a metric alarm: its metrics (the top-level one and
// every metric_query[].metric[0]) and the resources its dimensions refer
// to.
func cloudWatchRule(p *model.Plan, a *model.Resource) *Rule {
	r := &Rule{Resource: a, Kind: CloudWatchAlarm, refs: p.Refs(a, "dimensions", "metric_query"), runbook: cloudWatchRunbook(a)}
	paths := []model.Path{{}}
	for i := range a.Attr("metric_query").List() {
		if len(a.Attr("metric_query", i, "metric").List()) > 0 {
			paths = append(paths, model.Path{"metric_query", i, "metric", 0})
		}
	}
	for _, base := range paths {
		at := func(s string) model.Attr { return a.Attr(append(append(model.Path{}, base...), s)...) }
		m := cwMetric{}
		ns := at("namespace")
		m.ns, _ = ns.Str()
		m.nsUnknown = ns.Unknown
		name := at("metric_name")
		m.metric, _ = name.Str()
		m.metricUnknown = name.Unknown
		dims := at("dimensions")
		m.dimsUnknown = dims.Unknown
		for _, f := range dims.Object() {
			if v, ok := f.Value.(string); ok {
				m.dims = append(m.dims, Matcher{Label: f.Name, Op: "=", Value: v})
			}
		}
		if o, ok := model.Lookup(a.AfterUnknown, append(append(model.Path{}, base...), "dimensions")); ok {
			for _, f := range fieldsOf(o) {
				if b, _ := f.Value.(bool); b {
					m.unknownDims = append(m.unknownDims, f.Name)
				}
			}
		}
		r.cw = append(r.cw, m)
	}
	r.Opaque = a.Attr("metric_query").Unknown
	r.route = func(x *Model) route { return x.cloudWatchRoute(a) }
	return r
}

func fieldsOf(v any) []model.Field {
	o, _ := v.(model.Object)
	return o
}

// compositeRule reads a composite alarm: it watches what its children
// watch, and routes through its own actions.
func compositeRule(p *model.Plan, a *model.Resource) *Rule {
	return &Rule{
		Resource: a, Kind: CompositeAlarm, composite: true, runbook: cloudWatchRunbook(a),
		route: func(x *Model) route { return x.cloudWatchRoute(a) },
	}
}

// alarmRuleName finds the alarms a composite alarm's rule names:
// ALARM("orders-cpu"), OK(orders-cpu), ALARM("arn:aws:cloudwatch:...:alarm:x").
var alarmRuleName = regexp.MustCompile(`(?i)\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"([^"]+)"|'([^']+)'|([^\s,)]+))`)

// compositeChildren returns the alarms (metric or composite) a composite
// alarm's rule names: by reference in its configuration, or by a known
// alarm name or ARN in its planned alarm_rule.
func (x *Model) compositeChildren(a *model.Resource) []*model.Resource {
	p := x.plan
	var out []*model.Resource
	seen := map[*model.Resource]bool{}
	add := func(c *model.Resource) {
		if c != a && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range p.Refs(a, "alarm_rule") {
		if c.Type == "aws_cloudwatch_metric_alarm" || c.Type == "aws_cloudwatch_composite_alarm" {
			add(c)
		}
	}
	rule, _ := a.Attr("alarm_rule").Str()
	for _, m := range alarmRuleName.FindAllStringSubmatch(rule, -1) {
		name := m[1] + m[2] + m[3]
		if i := strings.Index(name, ":alarm:"); i >= 0 {
			name = name[i+len(":alarm:"):]
		}
		for _, c := range p.WithValue(name, model.Path{"alarm_name"}, "aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm") {
			add(c)
		}
	}
	return out
}

// Composites returns the composite alarms whose rule names the alarm.
func (x *Model) Composites(a *model.Resource) []*model.Resource { return x.composites[a] }

// ampRules reads the alerting rules of an Amazon Managed Prometheus rule
// group namespace: a Prometheus rule file in data.
func ampRules(p *model.Plan, r *model.Resource) []*Rule {
	refs := p.Refs(r, "data")
	route := func(x *Model) route { return x.ampRoute(r) }
	d := r.Attr("data")
	if d.Unknown {
		return []*Rule{{Resource: r, Kind: ManagedPrometheus, Opaque: true, refs: refs, route: route,
			runbook: runbookSource{unknown: true, where: model.Path{"data"}}}}
	}
	s, _ := d.Str()
	doc, err := decodeYAML(s)
	if err != nil {
		return []*Rule{{Resource: r, Kind: ManagedPrometheus, Opaque: true, refs: refs, route: route,
			runbook: runbookSource{unknown: true, where: model.Path{"data"}}}}
	}
	return promGroups(r, ManagedPrometheus, doc, model.Path{"data"}, refs, route)
}

// prometheusRuleManifest reads the alerting rules of a PrometheusRule
// manifest (Prometheus Operator): spec.groups[].rules[].
func prometheusRuleManifest(p *model.Plan, r *model.Resource) []*Rule {
	m := r.Attr("manifest")
	if kind, _ := m.Object().Get("kind"); kind != "PrometheusRule" {
		return nil
	}
	refs := p.Refs(r, "manifest")
	route := func(x *Model) route { return x.prometheusOperatorRoute(r) }
	if r.HasUnknown("manifest", "spec") {
		return []*Rule{{Resource: r, Kind: PrometheusRule, Opaque: true, refs: refs, route: route,
			runbook: runbookSource{unknown: true, where: model.Path{"manifest", "spec"}}}}
	}
	return promGroups(r, PrometheusRule, get(m.Value, "spec"), model.Path{"manifest", "spec"}, refs, route)
}

// promGroups reads groups[].rules[] of a Prometheus rule file: alerting
// rules only (recording rules alert no one).
func promGroups(r *model.Resource, kind Kind, doc any, base model.Path, refs []*model.Resource, route func(*Model) route) []*Rule {
	var out []*Rule
	for gi, g := range list(get(doc, "groups")) {
		for ri, rule := range list(get(g, "rules")) {
			name := str(get(rule, "alert"))
			if name == "" {
				continue
			}
			path := append(append(model.Path{}, base...), "groups", gi, "rules", ri)
			out = append(out, &Rule{
				Resource: r, Kind: kind, Name: name, Path: path, sys: sysPrometheus,
				sel: parsePromQL(str(get(rule, "expr"))), refs: refs, route: route,
				labels:  withAlertname(stringMap(get(rule, "labels")), name),
				runbook: annotationRunbook(get(rule, "annotations"), append(path, "annotations")),
			})
		}
	}
	return out
}

func withAlertname(labels map[string]string, name string) map[string]string {
	labels["alertname"] = name
	return labels
}

// grafanaRules reads a Grafana rule group: every alert rule (not
// recording rules, not paused ones), its queries (Prometheus, Loki and
// CloudWatch data sources), labels, annotations and notification settings.
func grafanaRules(p *model.Plan, g *model.Resource) []*Rule {
	refs := p.Refs(g, "rule")
	if g.Attr("rule").Unknown {
		return []*Rule{{Resource: g, Kind: GrafanaRule, Opaque: true, refs: refs,
			route: func(x *Model) route {
				return route{verdict: Undecided, what: g.Address + ": rules known only after apply"}
			}, runbook: runbookSource{unknown: true, where: model.Path{"rule"}}}}
	}
	var out []*Rule
	for i := range g.Attr("rule").List() {
		at := func(s ...model.Step) model.Attr { return g.Attr(append(model.Path{"rule", i}, s...)...) }
		if len(at("record").List()) > 0 {
			continue
		}
		if paused, ok := at("is_paused").Bool(); ok && paused {
			continue
		}
		name, _ := at("name").Str()
		rule := &Rule{Resource: g, Kind: GrafanaRule, Name: name, Path: model.Path{"rule", i}, sys: sysPrometheus, refs: refs,
			runbook: annotationRunbookAttr(g, model.Path{"rule", i, "annotations"})}
		labels := at("labels")
		rule.labels = withAlertname(stringMap(labels.Value), name)
		labelsUnknown := labels.Unknown || g.HasUnknown("rule", i, "labels")
		for j := range at("data").List() {
			m := at("data", j, "model")
			if m.Unknown {
				rule.Opaque = true
				continue
			}
			src, _ := m.Str()
			doc, err := decodeJSON(src)
			if err != nil {
				rule.Opaque = true
				continue
			}
			readGrafanaQuery(rule, doc)
		}
		cp := at("notification_settings", 0, "contact_point")
		rule.route = func(x *Model) route { return x.grafanaRoute(rule, cp, labelsUnknown) }
		out = append(out, rule)
	}
	return out
}

// readGrafanaQuery adds one query stage of a Grafana rule: a PromQL expr,
// a CloudWatch query (namespace, metricName, dimensions) or an NRQL one.
// Expression stages (math, reduce, threshold) read nothing.
func readGrafanaQuery(rule *Rule, doc any) {
	ds := strings.ToLower(str(getPath(doc, "datasource", "type")))
	if ds == "__expr__" || get(doc, "conditions") != nil {
		return
	}
	switch t := strings.ToLower(str(get(doc, "type"))); t {
	case "math", "reduce", "threshold", "resample", "classic_conditions", "sql":
		return
	}
	if expr := str(get(doc, "expr")); expr != "" {
		s := parsePromQL(expr)
		rule.sel.metrics = append(rule.sel.metrics, s.metrics...)
		rule.sel.matchers = append(rule.sel.matchers, s.matchers...)
		return
	}
	if ns := str(get(doc, "namespace")); ns != "" || get(doc, "metricName") != nil {
		m := cwMetric{ns: ns, metric: str(get(doc, "metricName"))}
		for _, f := range fields(get(doc, "dimensions")) {
			if s := str(f.Value); s != "" {
				m.dims = append(m.dims, Matcher{Label: f.Name, Op: "=", Value: s})
			}
			for _, v := range list(f.Value) {
				if s := str(v); s != "" {
					m.dims = append(m.dims, Matcher{Label: f.Name, Op: "=", Value: s})
				}
			}
		}
		if me := str(get(doc, "metricEditorMode")); me != "" || str(get(doc, "expression")) != "" || str(get(doc, "sqlExpression")) != "" {
			// A CloudWatch metric insights query or math: read as written.
			s := parsePromQL(str(get(doc, "expression")) + " " + str(get(doc, "sqlExpression")))
			rule.sel.matchers = append(rule.sel.matchers, s.matchers...)
		}
		rule.cw = append(rule.cw, m)
		return
	}
	if nrql := str(get(doc, "nrql")); nrql != "" {
		s := parseNRQL(nrql)
		rule.sel.metrics = append(rule.sel.metrics, s.metrics...)
		rule.sel.matchers = append(rule.sel.matchers, s.matchers...)
		return
	}
	// A query this package cannot read (Loki, SQL, a plug-in): it may
	// watch anything.
	rule.Opaque = true
}

// datadogRule reads a monitor: its query (metrics and tag filters) and
// its tags.
func datadogRule(p *model.Plan, m *model.Resource) *Rule {
	r := &Rule{Resource: m, Kind: DatadogMonitor, sys: sysDatadog, refs: p.Refs(m, "query"),
		runbook: messageRunbook(m, "message"), route: func(x *Model) route { return datadogRoute(m) }}
	if t, _ := m.Attr("type").Str(); t == "composite" || t == "slo alert" {
		r.composite = true
		return r
	}
	q := m.Attr("query")
	if q.Unknown {
		r.Opaque = true
	}
	s, _ := q.Str()
	r.sel = parseDatadog(s)
	for _, tag := range m.Attr("tags").Strings() {
		if k, v, ok := strings.Cut(tag, ":"); ok && k != "" && v != "" {
			r.sel.matchers = append(r.sel.matchers, Matcher{Label: k, Op: "=", Value: v})
		}
	}
	return r
}

// newRelicRule reads an NRQL alert condition.
func newRelicRule(p *model.Plan, c *model.Resource) *Rule {
	r := &Rule{Resource: c, Kind: NewRelicCondition, sys: sysNRQL, refs: p.Refs(c, "nrql"),
		runbook: newRelicRunbook(c), route: func(x *Model) route { return x.newRelicRoute(c) }}
	q := c.Attr("nrql", 0, "query")
	if q.Unknown {
		r.Opaque = true
	}
	s, _ := q.Str()
	r.sel = parseNRQL(s)
	return r
}

// ReadsMetric says whether a rule reads one of the CloudWatch metrics
// named (Yes), reads others (No), or reads what the plan does not show
// (Undecided). CloudWatch names are matched exactly in CloudWatch alarms
// and queries, and as exporters rename them in Prometheus and NRQL names
// (HTTPCode_Target_5XX_Count is aws_applicationelb_httpcode_target_5_xx_count_sum
// or aws.applicationelb.HTTPCode_Target_5XX_Count); Datadog's names are its
// own, given apart.
func (r *Rule) ReadsMetric(cloudwatch, datadog []string) Verdict {
	undecided := r.Opaque
	for _, m := range r.cw {
		if slices.Contains(cloudwatch, m.metric) {
			return Yes
		}
		undecided = undecided || m.metricUnknown
	}
	for _, name := range r.sel.metrics {
		lower := strings.ToLower(name)
		if r.sys == sysDatadog {
			for _, d := range datadog {
				if strings.Contains(lower, d) {
					return Yes
				}
			}
			continue
		}
		n := normLabel(name)
		for _, c := range cloudwatch {
			if strings.Contains(n, normLabel(c)) {
				return Yes
			}
		}
	}
	if undecided {
		return Undecided
	}
	return No
}
