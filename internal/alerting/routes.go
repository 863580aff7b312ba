package alerting

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/helmvalues"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Verdict says whether a rule's notifications reach an on-call service.
type Verdict int

// The verdicts of routing.
const (
	No Verdict = iota
	Yes
	Undecided
)

// route is where a rule's notifications go.
type route struct {
	verdict Verdict
	// what says it for evidence: addresses, integration kinds and hosts,
	// never an endpoint (a paging URL carries its integration key).
	what string
	// silent: the rule notifies no one at all (no actions, no handle).
	silent bool
}

// Route says whether a rule's notifications reach an on-call service, and
// how, for evidence. Silent is set when the rule notifies no one at all.
func (x *Model) Route(rule *Rule) (v Verdict, what string, silent bool) {
	if rule.route == nil {
		return Undecided, rule.Label() + ": routing not known", false
	}
	r := rule.route(x)
	return r.verdict, r.what, r.silent
}

// combine merges the routes of one rule: one that pages is enough.
func combine(label string, rs []route) route {
	var undecided, no []string
	silent := true
	for _, r := range rs {
		silent = silent && r.silent
		switch r.verdict {
		case Yes:
			return route{verdict: Yes, what: label + " -> " + r.what}
		case Undecided:
			undecided = append(undecided, r.what)
		default:
			no = append(no, r.what)
		}
	}
	switch {
	case len(undecided) > 0:
		return route{verdict: Undecided, what: label + " -> " + strings.Join(undecided, ", ")}
	case len(no) == 0:
		return route{verdict: No, what: label + ": notifies no one", silent: true}
	}
	return route{verdict: No, what: label + " -> " + strings.Join(no, ", "), silent: silent}
}

// onCallHosts are the paging services a webhook or subscription may
// deliver to: PagerDuty, Opsgenie, Splunk On-Call, xMatters, incident.io,
// Squadcast, iLert, FireHydrant, Rootly, Grafana OnCall and IRM
// (*.grafana.net), Jira Service Management operations (api.atlassian.com).
var onCallHosts = []string{
	"pagerduty.com", "opsgenie.com", "victorops.com", "splunk-oncall", "xmatters.com", "incident.io",
	"squadcast.com", "ilert.com", "firehydrant.io", "firehydrant.com", "rootly.com", "grafana.net", "api.atlassian.com",
}

// onCallPrefixes are the types of paging-service resources an endpoint may
// refer to.
var onCallPrefixes = []string{
	"pagerduty_", "opsgenie_", "victorops_", "xmatters_", "incident_", "squadcast_", "ilert_", "grafana_oncall_",
	"datadog_on_call_", "rootly_", "firehydrant_", "aws_ssmcontacts_", "aws_ssmincidents_",
}

// PagingHost reports whether a URL's host is a paging service's.
func PagingHost(rawURL string) (host string, ok bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return "", false
	}
	host = strings.ToLower(u.Host)
	for _, h := range onCallHosts {
		if strings.Contains(host, h) {
			return host, true
		}
	}
	return host, false
}

func pagingType(typ string) bool {
	for _, p := range onCallPrefixes {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

// --- CloudWatch ---

// TargetKind says what an alarm action does.
type TargetKind int

// The kinds of alarm action.
const (
	TargetUnknown  TargetKind = iota // known only after apply, or not a kind this package knows
	TargetNotify                     // SNS, Lambda, Incident Manager: someone or something is told
	TargetAutomate                   // scaling policies and EC2 actions: no one is told
)

// Target is one action of an alarm.
type Target struct {
	Kind  TargetKind
	Label string          // an address or an ARN, for evidence
	Topic *model.Resource // the SNS topic (managed or data source) when it is in the plan
	ARN   string          // the known ARN
}

// Targets classifies where an alarm's alarm_actions go. Known ARNs are
// read as such; unknown elements, and a set unknown as a whole (a set with
// an element known only after apply, such as a new topic's ARN, is planned
// unknown whole), are resolved through the configuration's references.
func Targets(p *model.Plan, a *model.Resource) []Target {
	var out []Target
	seen := map[*model.Resource]bool{}
	unresolved := a.Attr("alarm_actions").Unknown
	for _, e := range a.Attr("alarm_actions").List() {
		arn, ok := e.(string)
		if !ok {
			unresolved = true
			continue
		}
		t := Target{Kind: ARNKind(arn), Label: arn, ARN: arn}
		if strings.Contains(arn, ":sns:") {
			if topics := p.WithValue(arn, model.Path{"arn"}, "aws_sns_topic"); len(topics) > 0 {
				t.Topic, t.Label = topics[0], topics[0].Address
				seen[topics[0]] = true
			}
		}
		out = append(out, t)
	}
	if !unresolved {
		return out
	}
	resolved := false
	for _, x := range p.Refs(a, "alarm_actions") {
		if seen[x] {
			resolved = true
			continue
		}
		switch x.Type {
		case "aws_sns_topic":
			out = append(out, Target{Kind: TargetNotify, Label: x.Address, Topic: x})
		case "aws_lambda_function", "aws_lambda_alias", "aws_ssmincidents_response_plan":
			out = append(out, Target{Kind: TargetNotify, Label: x.Address})
		case "aws_autoscaling_policy", "aws_appautoscaling_policy":
			out = append(out, Target{Kind: TargetAutomate, Label: x.Address})
		default:
			continue
		}
		resolved = true
	}
	if !resolved {
		out = append(out, Target{Kind: TargetUnknown, Label: "(known after apply)"})
	}
	return out
}

// ARNKind classifies an alarm action ARN.
func ARNKind(arn string) TargetKind {
	switch {
	case strings.Contains(arn, ":sns:"), strings.Contains(arn, ":lambda:"),
		strings.Contains(arn, ":ssm-incidents:"), strings.Contains(arn, ":opsitem:"):
		return TargetNotify
	case strings.Contains(arn, ":autoscaling:"), strings.Contains(arn, ":automate:"),
		strings.HasPrefix(arn, "arn:aws:swf:"):
		return TargetAutomate
	}
	return TargetUnknown
}

// NotifiesNoOne reports whether an alarm's configuration sends its alarms
// nowhere: alarm_actions known to be empty, or actions_enabled false.
func NotifiesNoOne(a *model.Resource) bool {
	if on, ok := a.Attr("actions_enabled").Bool(); ok && !on {
		return true
	}
	actions := a.Attr("alarm_actions")
	return !actions.Unknown && len(actions.List()) == 0
}

// NotifyingComposites returns the composite alarms, naming the alarm in
// their rule directly or through other composites, that notify someone:
// the alarm alerts through them.
func (x *Model) NotifyingComposites(a *model.Resource) []*model.Resource {
	var out []*model.Resource
	seen := map[*model.Resource]bool{a: true}
	queue := append([]*model.Resource(nil), x.composites[a]...)
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if seen[c] {
			continue
		}
		seen[c] = true
		if !NotifiesNoOne(c) {
			for _, t := range Targets(x.plan, c) {
				if t.Kind == TargetNotify {
					out = append(out, c)
					break
				}
			}
		}
		queue = append(queue, x.composites[c]...)
	}
	return out
}

// cloudWatchRoute follows an alarm's actions (or, when it has none, the
// composite alarms that name it) to SNS subscriptions and Incident
// Manager.
func (x *Model) cloudWatchRoute(a *model.Resource) route {
	if NotifiesNoOne(a) {
		var rs []route
		for _, c := range x.composites[a] {
			rs = append(rs, x.cloudWatchRouteOnce(c, map[*model.Resource]bool{a: true}))
		}
		if len(rs) == 0 {
			return route{verdict: No, what: a.Address + ": no alarm actions", silent: true}
		}
		return combine(a.Address+" (through its composite alarm)", rs)
	}
	return x.cloudWatchRouteOnce(a, map[*model.Resource]bool{})
}

func (x *Model) cloudWatchRouteOnce(a *model.Resource, seen map[*model.Resource]bool) route {
	if seen[a] {
		return route{verdict: No, what: a.Address + " (cycle)", silent: true}
	}
	seen[a] = true
	if NotifiesNoOne(a) {
		var rs []route
		for _, c := range x.composites[a] {
			rs = append(rs, x.cloudWatchRouteOnce(c, seen))
		}
		return combine(a.Address, rs)
	}
	var rs []route
	for _, t := range Targets(x.plan, a) {
		v, what := x.TargetPages(t)
		rs = append(rs, route{verdict: v, what: what})
	}
	return combine(a.Address, rs)
}

// TargetPages judges one alarm target: an Incident Manager response plan
// pages; an SNS topic pages when one of its subscriptions does; a topic
// without subscriptions in the plan, or outside it, is undecided.
func (x *Model) TargetPages(t Target) (Verdict, string) {
	switch {
	case strings.Contains(t.ARN, ":ssm-incidents:"), strings.Contains(t.Label, "aws_ssmincidents_response_plan."):
		return Yes, t.Label + " (Incident Manager response plan)"
	case t.Kind == TargetUnknown:
		return Undecided, t.Label
	case t.Kind == TargetAutomate:
		return No, t.Label + " (automation)"
	case t.Topic == nil && !strings.Contains(t.ARN, ":sns:"):
		return Undecided, t.Label + " (Lambda: may forward to a pager)"
	}
	return x.topicPages(t.Topic, t.ARN, t.Label)
}

// topicPages judges an SNS topic by its subscriptions in the plan.
func (x *Model) topicPages(topic *model.Resource, arn, label string) (Verdict, string) {
	subs := TopicSubscriptions(x.plan, topic, arn)
	if len(subs) == 0 {
		return Undecided, label + ": no subscription to it in this plan"
	}
	var no, undecided []string
	for _, s := range subs {
		v, what := SubscriptionPages(x.plan, s)
		what = s.Address + ": " + what
		switch v {
		case Yes:
			return Yes, label + " -> " + what
		case Undecided:
			undecided = append(undecided, what)
		default:
			no = append(no, what)
		}
	}
	if len(undecided) > 0 {
		return Undecided, label + " -> " + strings.Join(undecided, ", ")
	}
	return No, label + " -> " + strings.Join(no, ", ")
}

// TopicSubscriptions returns the SNS subscriptions in the plan that read a
// topic: by reference to the topic (managed or data source) or, as a
// fallback, by its known ARN.
//
// It is asked once for each alarm notifying the topic, and a topic's
// referrers are the alarms themselves, so the answer is kept per plan:
// computed each time, judging every alarm took time in the square of their
// number. The list is shared: callers must not change it.
func TopicSubscriptions(p *model.Plan, topic *model.Resource, arn string) []*model.Resource {
	return p.Memo(topicSubscriptionsKey{topic, arn}, func() any { return topicSubscriptions(p, topic, arn) }).([]*model.Resource)
}

type topicSubscriptionsKey struct {
	topic *model.Resource
	arn   string
}

func topicSubscriptions(p *model.Plan, topic *model.Resource, arn string) []*model.Resource {
	var out []*model.Resource
	seen := map[*model.Resource]bool{}
	if topic != nil {
		for _, s := range p.Referrers(topic, "aws_sns_topic_subscription") {
			if slices.Contains(p.Refs(s, "topic_arn"), topic) && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		if a, ok := topic.Attr("arn").Str(); ok {
			arn = a
		}
	}
	for _, s := range p.WithValue(arn, model.Path{"topic_arn"}, "aws_sns_topic_subscription") {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// SubscriptionPages judges one SNS subscription: its endpoint's host, or
// the paging resource its endpoint refers to. A Lambda or an endpoint
// known only after apply may forward anywhere: undecided. It returns what
// it read, for evidence, never the full endpoint (a paging URL carries its
// integration key).
func SubscriptionPages(p *model.Plan, s *model.Resource) (Verdict, string) {
	for _, x := range p.Refs(s, "endpoint") {
		if pagingType(x.Type) {
			return Yes, "endpoint refers to " + x.Address
		}
	}
	proto, _ := s.Attr("protocol").Str()
	ep := s.Attr("endpoint")
	host := ""
	if e, ok := ep.Str(); ok && !ep.Sensitive {
		h, pages := PagingHost(e)
		if pages {
			return Yes, proto + " to " + h
		}
		host = h
	}
	switch {
	case proto == "lambda":
		return Undecided, "protocol lambda (the function may forward to a pager)"
	case ep.Unknown || ep.Sensitive:
		return Undecided, proto + " endpoint known only after apply or sensitive"
	case host != "":
		return No, proto + " to " + host
	}
	return No, "protocol " + proto
}

// --- Grafana ---

// pagingIntegrations are the Grafana contact point integrations that page.
var pagingIntegrations = []string{"pagerduty", "opsgenie", "oncall", "victorops"}

// grafanaIntegrations are every integration block of a contact point.
var grafanaIntegrations = []string{
	"alertmanager", "dingding", "discord", "email", "googlechat", "jira", "kafka", "line", "oncall", "opsgenie",
	"pagerduty", "pushover", "sensugo", "slack", "sns", "teams", "telegram", "threema", "victorops", "webex",
	"webhook", "wecom",
}

// grafanaRoute follows a Grafana rule to its contact points: the one its
// notification settings name, else those the notification policy tree
// routes its labels to.
func (x *Model) grafanaRoute(rule *Rule, cp model.Attr, labelsUnknown bool) route {
	label := rule.Label()
	if cp.Unknown {
		return route{verdict: Undecided, what: label + ": contact point known only after apply"}
	}
	if name, _ := cp.Str(); name != "" {
		return combine(label, []route{x.contactPointRoute(name)})
	}
	policies := x.plan.OfType("grafana_notification_policy")
	if len(policies) == 0 {
		return route{verdict: Undecided, what: label + ": routed by Grafana's notification policy, which this plan does not manage"}
	}
	var rs []route
	for _, pol := range policies {
		tree := grafanaPolicyTree(pol, model.Path{})
		if tree.unknown {
			rs = append(rs, route{verdict: Undecided, what: pol.Address + " known only after apply"})
			continue
		}
		for _, name := range tree.receivers(rule.labels, labelsUnknown, "") {
			rs = append(rs, x.contactPointRoute(name))
		}
	}
	return combine(label, rs)
}

// contactPointRoute judges a Grafana contact point by name.
func (x *Model) contactPointRoute(name string) route {
	cps := x.plan.WithValue(name, model.Path{"name"}, "grafana_contact_point")
	if len(cps) == 0 {
		return route{verdict: Undecided, what: "contact point " + quote(name) + " (not in this plan)"}
	}
	var rs []route
	for _, cp := range cps {
		rs = append(rs, x.contactPoint(cp))
	}
	return combine("contact point "+quote(name), rs)
}

// contactPoint judges one contact point by its integrations: PagerDuty,
// Opsgenie, Grafana OnCall and Splunk On-Call page; a webhook or
// Alertmanager to a paging host pages; SNS pages through its topic's
// subscriptions.
func (x *Model) contactPoint(cp *model.Resource) route {
	var kinds []string
	undecided := false
	for _, k := range grafanaIntegrations {
		a := cp.Attr(k)
		if a.Unknown {
			undecided = true
			continue
		}
		n := len(a.List())
		if n == 0 {
			continue
		}
		kinds = append(kinds, k)
		if slices.Contains(pagingIntegrations, k) {
			return route{verdict: Yes, what: cp.Address + " (" + k + ")"}
		}
		for i := range n {
			switch k {
			case "webhook", "alertmanager":
				u := cp.Attr(k, i, "url")
				if s, ok := u.Str(); ok && !u.Sensitive {
					if h, pages := PagingHost(s); pages {
						return route{verdict: Yes, what: cp.Address + " (" + k + " to " + h + ")"}
					}
				} else {
					undecided = true
				}
			case "sns":
				arn, ok := cp.Attr(k, i, "topic").Str()
				if !ok {
					undecided = true
					continue
				}
				v, what := x.topicPages(nil, arn, arn)
				if v == Yes {
					return route{verdict: Yes, what: cp.Address + " (sns " + what + ")"}
				}
				undecided = undecided || v == Undecided
			}
		}
	}
	switch {
	case undecided:
		return route{verdict: Undecided, what: cp.Address + " (integrations known only after apply, or a webhook or SNS topic that may forward to a pager)"}
	case len(kinds) == 0:
		return route{verdict: No, what: cp.Address + " (no integration)", silent: true}
	}
	return route{verdict: No, what: cp.Address + " (" + strings.Join(kinds, ", ") + ")"}
}

func quote(s string) string { return `"` + s + `"` }

// routeNode is one node of a notification routing tree: a Grafana
// notification policy or an Alertmanager route.
type routeNode struct {
	matchers []Matcher
	receiver string
	cont     bool
	children []routeNode
	unknown  bool
}

// grafanaPolicyTree reads a notification policy (the root, or a nested
// policy block at path).
func grafanaPolicyTree(r *model.Resource, path model.Path) routeNode {
	at := func(s ...model.Step) model.Attr { return r.Attr(append(append(model.Path{}, path...), s...)...) }
	n := routeNode{}
	n.receiver, _ = at("contact_point").Str()
	n.unknown = at("contact_point").Unknown || at("policy").Unknown || at("matcher").Unknown
	n.cont, _ = at("continue").Bool()
	for i := range at("matcher").List() {
		l, _ := at("matcher", i, "label").Str()
		op, _ := at("matcher", i, "match").Str()
		v, _ := at("matcher", i, "value").Str()
		n.matchers = append(n.matchers, Matcher{Label: l, Op: op, Value: v})
	}
	for i := range at("policy").List() {
		c := grafanaPolicyTree(r, append(append(model.Path{}, path...), "policy", i))
		n.unknown = n.unknown || c.unknown
		n.children = append(n.children, c)
	}
	return n
}

// receivers returns the receivers an alert with the given labels may reach
// (Alertmanager's routing: the first matching child, or every matching
// child marked continue, else the node itself; a child inherits its
// parent's receiver). A matcher on a label the plan does not show may
// match or not: both outcomes count.
func (n routeNode) receivers(labels map[string]string, labelsUnknown bool, inherited string) []string {
	recv := n.receiver
	if recv == "" {
		recv = inherited
	}
	var out []string
	matched := false
	for _, c := range n.children {
		m := c.match(labels, labelsUnknown)
		if m == notWatched {
			continue
		}
		out = append(out, c.receivers(labels, labelsUnknown, recv)...)
		if m == watched {
			matched = true
			if !c.cont {
				break
			}
		}
	}
	if !matched && recv != "" {
		out = append(out, recv)
	}
	return out
}

// match judges a node's matchers against an alert's labels: all must hold.
func (n routeNode) match(labels map[string]string, labelsUnknown bool) verdict {
	out := watched
	for _, m := range n.matchers {
		v, ok := labels[m.Label]
		if !ok && (labelsUnknown || strings.HasPrefix(m.Label, "grafana_") || strings.HasPrefix(m.Label, "__")) {
			out = mayWatch // the folder, or labels added outside the rule
			continue
		}
		if !matchOp(m, v) {
			return notWatched
		}
	}
	return out
}

// matchOp applies a matcher to a label value (absent labels are "").
func matchOp(m Matcher, v string) bool {
	switch m.Op {
	case "=", "==", "":
		return v == m.Value
	case "!=":
		return v != m.Value
	case "=~", "!~":
		re, err := regexp.Compile("^(?:" + m.Value + ")$")
		if err != nil {
			return false
		}
		return re.MatchString(v) == (m.Op == "=~")
	}
	return false
}

// --- Datadog ---

// ddHandle finds the @-handles of a Datadog message.
var ddHandle = regexp.MustCompile(`@([A-Za-z0-9_.+\-]+(?:@[A-Za-z0-9_.\-]+)?)`)

// ddPaging are the handle prefixes of paging integrations: PagerDuty,
// Opsgenie, Datadog On-Call, Splunk On-Call.
var ddPaging = []string{"pagerduty", "opsgenie-", "oncall-", "victorops-", "xmatters-"}

// datadogRoute reads a monitor's message (and escalation message) for
// the integrations its @-handles notify.
func datadogRoute(m *model.Resource) route {
	var undecided, no []string
	for _, attr := range []string{"message", "escalation_message"} {
		a := m.Attr(attr)
		if a.Unknown {
			undecided = append(undecided, attr+" known only after apply")
			continue
		}
		s, _ := a.Str()
		for _, h := range ddHandle.FindAllStringSubmatch(s, -1) {
			handle := strings.ToLower(h[1])
			for _, p := range ddPaging {
				if strings.HasPrefix(handle, p) {
					return route{verdict: Yes, what: m.Address + " (@" + h[1] + ")"}
				}
			}
			switch {
			case strings.HasPrefix(handle, "webhook-"), strings.HasPrefix(handle, "workflow-"):
				undecided = append(undecided, "@"+h[1]+" (may forward to a pager)")
			default:
				no = append(no, "@"+h[1])
			}
		}
	}
	switch {
	case len(undecided) > 0:
		return route{verdict: Undecided, what: m.Address + " (" + strings.Join(undecided, ", ") + ")"}
	case len(no) == 0:
		return route{verdict: No, what: m.Address + ": its message notifies no one (no @-handle)", silent: true}
	}
	return route{verdict: No, what: m.Address + " (" + strings.Join(no, ", ") + ")"}
}

// --- New Relic ---

// newRelicRoute follows a condition's policy to the workflows that select
// its issues, and their channels to destinations.
func (x *Model) newRelicRoute(c *model.Resource) route {
	p := x.plan
	workflows := p.OfType("newrelic_workflow")
	if len(workflows) == 0 {
		return route{verdict: Undecided, what: c.Address + ": no newrelic_workflow in this plan"}
	}
	policies := p.Refs(c, "policy_id")
	var rs []route
	for _, w := range workflows {
		if !workflowSelects(p, w, policies) {
			continue
		}
		for _, ch := range p.Refs(w, "destination") {
			if ch.Type != "newrelic_notification_channel" {
				continue
			}
			rs = append(rs, newRelicChannel(p, ch))
		}
		if w.Attr("destination").Unknown {
			rs = append(rs, route{verdict: Undecided, what: w.Address + " destinations known only after apply"})
		}
	}
	if len(rs) == 0 {
		return route{verdict: Undecided, what: c.Address + ": no workflow in this plan selects its policy"}
	}
	return combine(c.Address, rs)
}

// workflowSelects reports whether a workflow may select issues of the
// policies: it refers to one of them, or filters on no policy.
func workflowSelects(p *model.Plan, w *model.Resource, policies []*model.Resource) bool {
	refs := p.Refs(w, "issues_filter")
	for _, pol := range policies {
		if slices.Contains(refs, pol) {
			return true
		}
	}
	for i := range w.Attr("issues_filter").List() {
		for j := range w.Attr("issues_filter", i, "predicate").List() {
			if a, _ := w.Attr("issues_filter", i, "predicate", j, "attribute").Str(); a == "labels.policyIds" {
				return false
			}
		}
	}
	return true
}

// newRelicChannel judges a notification channel by its type or its
// destination's.
func newRelicChannel(p *model.Plan, ch *model.Resource) route {
	types := []model.Attr{ch.Attr("type")}
	for _, d := range p.Refs(ch, "destination_id") {
		if d.Type == "newrelic_notification_destination" {
			types = append(types, d.Attr("type"))
		}
	}
	var seen []string
	for _, t := range types {
		s, ok := t.Str()
		if !ok {
			return route{verdict: Undecided, what: ch.Address + " type known only after apply"}
		}
		if strings.HasPrefix(s, "PAGERDUTY") {
			return route{verdict: Yes, what: ch.Address + " (" + s + ")"}
		}
		seen = append(seen, s)
	}
	return route{verdict: No, what: ch.Address + " (" + strings.Join(seen, ", ") + ")"}
}

// --- Prometheus and Alertmanager ---

// ampRoute follows an Amazon Managed Prometheus rule group to its
// workspace's Alertmanager definition.
func (x *Model) ampRoute(ns *model.Resource) route {
	p := x.plan
	wsID, _ := ns.Attr("workspace_id").Str()
	wsRefs := p.Refs(ns, "workspace_id")
	var rs []route
	for _, d := range p.OfType("aws_prometheus_alert_manager_definition") {
		same := false
		if id, ok := d.Attr("workspace_id").Str(); ok && id != "" && id == wsID {
			same = true
		}
		for _, w := range p.Refs(d, "workspace_id") {
			same = same || slices.Contains(wsRefs, w)
		}
		if !same {
			continue
		}
		def := d.Attr("definition")
		if def.Unknown {
			rs = append(rs, route{verdict: Undecided, what: d.Address + " definition known only after apply"})
			continue
		}
		s, _ := def.Str()
		doc, err := decodeYAML(s)
		if err != nil {
			rs = append(rs, route{verdict: Undecided, what: d.Address + " definition unreadable"})
			continue
		}
		cfg := get(doc, "alertmanager_config")
		if src, ok := cfg.(string); ok {
			if cfg, err = decodeYAML(src); err != nil {
				rs = append(rs, route{verdict: Undecided, what: d.Address + " alertmanager_config unreadable"})
				continue
			}
		}
		rs = append(rs, x.alertmanagerRoute(d.Address, cfg, nil, true))
	}
	if len(rs) == 0 {
		return route{verdict: Undecided, what: ns.Address + ": no Alertmanager definition for its workspace in this plan"}
	}
	return combine(ns.Address, rs)
}

// prometheusOperatorRoute follows a PrometheusRule to the Alertmanager
// configurations the plan holds: kube-prometheus-stack's
// alertmanager.config, the alertmanager chart's config, and
// AlertmanagerConfig manifests of the rule's namespace.
func (x *Model) prometheusOperatorRoute(r *model.Resource) route {
	p := x.plan
	var rs []route
	for _, h := range p.OfType("helm_release") {
		chart := strings.ToLower(strAttr(h, "chart"))
		var path []any
		switch {
		case strings.Contains(chart, "kube-prometheus-stack"), strings.Contains(chart, "prometheus-operator"):
			path = []any{"alertmanager", "config"}
		case strings.HasSuffix(chart, "alertmanager"):
			path = []any{"config"}
		default:
			continue
		}
		res := helmvalues.OfRelease(h).Lookup(path...)
		if res.Unknown {
			rs = append(rs, route{verdict: Undecided, what: h.Address + " values known only after apply"})
			continue
		}
		cfg := res.Value
		if cfg == nil {
			rs = append(rs, route{verdict: No, what: h.Address + " (the chart's default Alertmanager configuration: no receiver)", silent: true})
			continue
		}
		rs = append(rs, x.alertmanagerRoute(h.Address, cfg, nil, false))
	}
	ns := str(getPath(r.Attr("manifest").Value, "metadata", "namespace"))
	for _, m := range p.OfType("kubernetes_manifest") {
		man := m.Attr("manifest").Value
		if str(get(man, "kind")) != "AlertmanagerConfig" {
			continue
		}
		if mns := str(getPath(man, "metadata", "namespace")); mns != "" && ns != "" && mns != ns {
			continue
		}
		if m.HasUnknown("manifest", "spec") {
			rs = append(rs, route{verdict: Undecided, what: m.Address + " spec known only after apply"})
			continue
		}
		rs = append(rs, x.alertmanagerRoute(m.Address, get(man, "spec"), nil, false))
	}
	if len(rs) == 0 {
		return route{verdict: Undecided, what: r.Address + ": the Alertmanager configuration is not in this plan"}
	}
	return combine(r.Address, rs)
}

// alertmanagerRoute judges an Alertmanager configuration (route and
// receivers; snake_case as in alertmanager.yml, or camelCase as in an
// AlertmanagerConfig). Without labels, every receiver the tree may reach
// counts. snsOnly: Amazon Managed Prometheus delivers to SNS only.
func (x *Model) alertmanagerRoute(label string, cfg any, labels map[string]string, snsOnly bool) route {
	tree := alertmanagerTree(get(cfg, "route"))
	reached := map[string]bool{}
	for _, name := range tree.receivers(labels, labels == nil, "") {
		reached[name] = true
	}
	var rs []route
	for _, rc := range list(get(cfg, "receivers")) {
		name := str(get(rc, "name"))
		if !reached[name] {
			continue
		}
		rs = append(rs, x.receiverRoute(name, rc, snsOnly))
	}
	return combine(label, rs)
}

// alertmanagerTree reads an Alertmanager route (match, match_re, matchers
// as strings or as AlertmanagerConfig objects; routes).
func alertmanagerTree(v any) routeNode {
	n := routeNode{receiver: str(get(v, "receiver"))}
	n.cont, _ = get(v, "continue").(bool)
	for _, f := range fields(get(v, "match")) {
		n.matchers = append(n.matchers, Matcher{Label: f.Name, Op: "=", Value: str(f.Value)})
	}
	for _, f := range fields(get(v, "match_re")) {
		n.matchers = append(n.matchers, Matcher{Label: f.Name, Op: "=~", Value: str(f.Value)})
	}
	for _, m := range list(get(v, "matchers")) {
		if s, ok := m.(string); ok {
			s = strings.Trim(strings.TrimSpace(s), "{}")
			for _, op := range []string{"=~", "!~", "!=", "="} {
				if k, val, ok := strings.Cut(s, op); ok {
					n.matchers = append(n.matchers, Matcher{Label: strings.TrimSpace(k), Op: op, Value: strings.Trim(strings.TrimSpace(val), `"`)})
					break
				}
			}
			continue
		}
		op := str(get(m, "matchType"))
		if op == "" {
			op = "="
			if b, _ := get(m, "regex").(bool); b {
				op = "=~"
			}
		}
		n.matchers = append(n.matchers, Matcher{Label: str(get(m, "name")), Op: op, Value: str(get(m, "value"))})
	}
	for _, c := range list(get(v, "routes")) {
		n.children = append(n.children, alertmanagerTree(c))
	}
	return n
}

// receiverRoute judges one Alertmanager receiver.
func (x *Model) receiverRoute(name string, rc any, snsOnly bool) route {
	label := "receiver " + quote(name)
	if !snsOnly {
		for _, k := range []string{"pagerduty_configs", "opsgenie_configs", "victorops_configs", "pagerdutyConfigs", "opsgenieConfigs", "victoropsConfigs"} {
			if len(list(get(rc, k))) > 0 {
				return route{verdict: Yes, what: label + " (" + k + ")"}
			}
		}
		for _, k := range []string{"webhook_configs", "webhookConfigs"} {
			for _, w := range list(get(rc, k)) {
				if h, pages := PagingHost(str(get(w, "url"))); pages {
					return route{verdict: Yes, what: label + " (webhook to " + h + ")"}
				}
			}
		}
	}
	var rs []route
	for _, k := range []string{"sns_configs", "snsConfigs"} {
		for _, s := range list(get(rc, k)) {
			arn := str(get(s, "topic_arn")) + str(get(s, "topicARN"))
			if arn == "" {
				rs = append(rs, route{verdict: Undecided, what: label + " (SNS topic not known)"})
				continue
			}
			v, what := x.topicPages(nil, arn, arn)
			rs = append(rs, route{verdict: v, what: what})
		}
	}
	var kinds []string
	for _, f := range fields(rc) {
		if strings.HasSuffix(f.Name, "_configs") || strings.HasSuffix(f.Name, "Configs") {
			kinds = append(kinds, f.Name)
		}
	}
	slices.Sort(kinds)
	if len(rs) == 0 {
		if len(kinds) == 0 {
			return route{verdict: No, what: label + " (no integration)", silent: true}
		}
		return route{verdict: No, what: label + " (" + strings.Join(kinds, ", ") + ")"}
	}
	return combine(label, rs)
}

func strAttr(r *model.Resource, path ...model.Step) string {
	s, _ := r.Attr(path...).Str()
	return s
}
